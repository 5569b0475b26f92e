package io.plumb.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code ScriptContext} is the state of one running script as its commands see it: environment, working
 * directory, captured output and log. It is the Java form of go-internal's {@code *testscript.TestScript}.
 */
public interface ScriptContext {

    /** Returns the script's name: the file's base name without {@code .txtar} or {@code .txt}. */
    String name();

    /** Returns the script file. */
    Path scriptFile();

    /** Returns {@code $WORK}, the script's own work directory (a real path, symlinks resolved). */
    Path workDir();

    /** Returns the current directory, which {@code cd} changes. */
    Path cwd();

    /** Changes the current directory; the path is resolved against the current one. */
    void chdir(String dir);

    /** Returns a path made absolute against the current directory. */
    Path mkAbs(String path);

    /** Returns the value of a script variable, or the empty string when it is unset. */
    String getenv(String name);

    /** Sets a script variable. */
    void setenv(String name, String value);

    /** Returns the environment, in the order the variables were first set; the map does not change later. */
    Map<String, String> environment();

    /**
     * Reads a file relative to the current directory as UTF-8 text. The names {@code stdout}, {@code stderr}
     * and {@code ttyout} stand for the last captured output.
     */
    String readFile(String name);

    /**
     * Returns a writer for the command's standard output. When a command writes to it or to {@link #stderr()},
     * both captured buffers are replaced by what the command wrote once it returns.
     */
    PrintWriter stdout();

    /** Returns a writer for the command's standard error; see {@link #stdout()}. */
    PrintWriter stderr();

    /** Returns the pending standard input set by {@code stdin}, and clears it. */
    Optional<String> takeStdin();

    /** Runs a program as {@code exec} would, in the foreground, and returns its exit code. */
    int exec(String program, List<String> args);

    /** Appends a line to the script's log. */
    void log(String message);

    /** Registers an action to run when the script ends, in reverse order of registration. */
    void defer(Runnable action);

    /** Returns a value stored under a key by setup, or empty. */
    Optional<Object> value(String key);

    /** Stores a value under a key for the rest of the script. */
    void putValue(String key, Object value);

    /** Returns whether the runner is in update mode, where a failing {@code cmp} rewrites the archive. */
    boolean isUpdateMode();
}
