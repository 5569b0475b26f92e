package io.plumb.junit.internal;

import io.plumb.runner.ScriptRunner;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * A {@code PlumbExecutionContext} is what every node of one engine run shares: the script runner, the session of
 * test files, and the listener that receives report entries; below a test file's node, also that file's run.
 *
 * @param runner the one script runner of this engine run; it is thread-safe
 * @param listener the listener of this engine run
 * @param tests the test-file session of this engine run
 * @param file the test file being run, below a test file's node
 */
public record PlumbExecutionContext(
        ScriptRunner runner, EngineExecutionListener listener, TestSession tests, @Nullable TestFileRun file)
        implements EngineExecutionContext {

    /** Creates the context of the engine's root. */
    public PlumbExecutionContext(ScriptRunner runner, EngineExecutionListener listener, TestSession tests) {
        this(runner, listener, tests, null);
    }

    /** Returns the context of a test file's node and its descendants. */
    public PlumbExecutionContext withFile(TestFileRun run) {
        return new PlumbExecutionContext(runner, listener, tests, run);
    }
}
