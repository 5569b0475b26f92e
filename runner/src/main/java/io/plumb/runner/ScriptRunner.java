package io.plumb.runner;

import io.plumb.runner.internal.ScriptExecution;
import io.plumb.runner.internal.WorkRoot;
import java.nio.file.Path;

/**
 * A {@code ScriptRunner} runs txtar scripts with go-internal testscript semantics. It is thread-safe: scripts
 * may run concurrently, each in its own work directory.
 *
 * <p>Work directories are removed in the background after each script; {@link #close()} waits for that, so that
 * a caller that closes its runner leaves nothing behind. Whatever is left at JVM exit is removed then.
 */
public final class ScriptRunner implements AutoCloseable {
    private final RunnerOptions options;
    private final WorkRoot workRoot;

    /** Creates a runner with the given options. */
    public ScriptRunner(RunnerOptions options) {
        this.options = options;
        this.workRoot = WorkRoot.under(options.workRoot());
    }

    /** Creates a runner with the default options and the extensions on the class path. */
    public static ScriptRunner withDefaults() {
        return new ScriptRunner(RunnerOptions.defaults());
    }

    /** Returns this runner's options. */
    public RunnerOptions options() {
        return options;
    }

    /** Runs one script under its base name. */
    public ScriptResult run(Path script) {
        return run(script, ScriptFiles.baseName(script));
    }

    /**
     * Runs one script under the given test name. Errors never escape: an unreadable file or a broken extension
     * gives a failed result whose log says what went wrong.
     */
    public ScriptResult run(Path script, String name) {
        return new ScriptExecution(options, workRoot, script, name).run();
    }

    /** Removes the work directories not removed yet, and the runner's work root unless a work dir was kept. */
    @Override
    public void close() {
        workRoot.close();
    }
}
