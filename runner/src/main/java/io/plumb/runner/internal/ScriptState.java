package io.plumb.runner.internal;

import io.plumb.runner.RunnerOptions;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ScriptState} is the mutable state of one running script, and the {@link ScriptContext} its commands
 * see. It is confined to the thread that runs the script.
 */
final class ScriptState implements ScriptContext {
    private final RunnerOptions options;
    private final Path scriptFile;
    private final String name;
    private final Path workDir;
    private final ScriptLog log;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Deque<Runnable> deferred = new ArrayDeque<>();
    private final Map<String, Object> values = new HashMap<>();
    private final List<BackgroundProcess> background = new ArrayList<>();
    private final Deadline deadline;
    private Path cwd;
    private String stdout = "";
    private String stderr = "";
    private String ttyout = "";
    private @Nullable String stdin;
    private @Nullable String ttyin;
    private boolean ttyinIsStdin;
    private StringWriter commandOut = new StringWriter();
    private StringWriter commandErr = new StringWriter();
    private int lineNumber;
    /** Absolute path of each extracted file, mapped to its archive name; update mode rewrites those. */
    private final Map<Path, String> extracted = new HashMap<>();
    /** Archive name to new content, for update mode. */
    private final Map<String, String> updates = new LinkedHashMap<>();

    ScriptState(RunnerOptions options, Path scriptFile, String name, Path workDir, Deadline deadline) {
        this.options = options;
        this.scriptFile = scriptFile;
        this.name = name;
        this.workDir = workDir;
        this.cwd = workDir;
        this.deadline = deadline;
        this.log = new ScriptLog(options.verbose());
    }

    RunnerOptions options() {
        return options;
    }

    ScriptLog scriptLog() {
        return log;
    }

    Deadline deadline() {
        return deadline;
    }

    List<BackgroundProcess> background() {
        return background;
    }

    Deque<Runnable> deferred() {
        return deferred;
    }

    int lineNumber() {
        return lineNumber;
    }

    void setLineNumber(int value) {
        lineNumber = value;
    }

    // ---- ScriptContext

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path scriptFile() {
        return scriptFile;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public Path cwd() {
        return cwd;
    }

    @Override
    public void chdir(String dir) {
        Path target = mkAbs(dir);
        if (!Files.exists(target)) {
            throw new ScriptFailure("directory " + target + " does not exist");
        }
        if (!Files.isDirectory(target)) {
            throw new ScriptFailure(target + " is not a directory");
        }
        cwd = target;
    }

    @Override
    public Path mkAbs(String path) {
        return cwd.resolve(path).normalize();
    }

    @Override
    public String getenv(String key) {
        return env.getOrDefault(key, "");
    }

    @Override
    public void setenv(String key, String value) {
        env.put(key, value);
    }

    @Override
    public Map<String, String> environment() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    Map<String, String> envMap() {
        return env;
    }

    @Override
    public String readFile(String file) {
        return switch (file) {
            case "stdout" -> stdout;
            case "stderr" -> stderr;
            case "ttyout" -> ttyout;
            default -> readText(mkAbs(file));
        };
    }

    /** Reads a file as UTF-8, failing the script with Go's wording when it cannot be read. */
    String readText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScriptFailure("open " + file + ": no such file or directory", e);
        } catch (IOException e) {
            throw new ScriptFailure(describe("read " + file, e), e);
        }
    }

    static String describe(String operation, Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return operation + ": permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return operation + ": file exists";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return operation + ": directory not empty";
        }
        if (e instanceof IOException && "Is a directory".equals(e.getMessage())) {
            return operation + ": is a directory";
        }
        return operation + ": " + e.getMessage();
    }

    @Override
    public PrintWriter stdout() {
        return new PrintWriter(commandOut, true);
    }

    @Override
    public PrintWriter stderr() {
        return new PrintWriter(commandErr, true);
    }

    @Override
    public Optional<String> takeStdin() {
        String value = stdin;
        stdin = null;
        return Optional.ofNullable(value);
    }

    void setStdin(String value) {
        stdin = value;
    }

    @Override
    public int exec(String program, List<String> args) {
        ProcessResult result = ProcessLauncher.runForeground(this, program, args);
        setOutput(result.stdout(), result.stderr());
        logOutput(result.stdout(), result.stderr());
        if (!result.isSuccess()) {
            log.line("[" + result.state() + "]");
        }
        return result.exitCode();
    }

    @Override
    public void log(String message) {
        log.line(message);
    }

    @Override
    public void defer(Runnable action) {
        deferred.push(action);
    }

    @Override
    public Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void putValue(String key, Object value) {
        values.put(key, value);
    }

    @Override
    public boolean isUpdateMode() {
        return options.update();
    }

    // ---- update mode

    void recordExtracted(Path file, String archiveName) {
        extracted.put(file, archiveName);
    }

    /** Records new content for the archive file extracted to {@code file}; false when none was. */
    boolean recordUpdate(Path file, String content) {
        String archiveName = extracted.get(file);
        if (archiveName == null) {
            return false;
        }
        updates.put(archiveName, content);
        return true;
    }

    Map<String, String> updates() {
        return updates;
    }

    // ---- captured output

    String capturedStdout() {
        return stdout;
    }

    String capturedStderr() {
        return stderr;
    }

    void setOutput(String out, String err) {
        stdout = out;
        stderr = err;
    }

    void setTtyin(String value, boolean asStdin) {
        ttyin = value;
        ttyinIsStdin = asStdin;
    }

    /** Returns the pending terminal input of {@code ttyin}, and clears it. */
    Optional<String> takeTtyin() {
        String value = ttyin;
        ttyin = null;
        return Optional.ofNullable(value);
    }

    boolean isTtyinStdin() {
        return ttyinIsStdin;
    }

    void setTtyout(String value) {
        ttyout = value;
    }

    void logOutput(String out, String err) {
        if (!out.isEmpty()) {
            log.raw("[stdout]\n" + out);
        }
        if (!err.isEmpty()) {
            log.raw("[stderr]\n" + err);
        }
    }

    /** Gives a custom command fresh writers; see {@link #collectCommandOutput()}. */
    void clearCommandOutput() {
        commandOut = new StringWriter();
        commandErr = new StringWriter();
    }

    /** Takes what a custom command wrote, replacing both captured buffers if it wrote anything. */
    void collectCommandOutput() {
        String out = commandOut.toString();
        String err = commandErr.toString();
        if (!out.isEmpty() || !err.isEmpty()) {
            setOutput(out, err);
            logOutput(out, err);
        }
    }
}
