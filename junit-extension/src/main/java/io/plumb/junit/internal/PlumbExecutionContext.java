package io.plumb.junit.internal;

import io.plumb.runner.ScriptRunner;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * A {@code PlumbExecutionContext} is what every node of one engine run shares: the runner and the listener that
 * receives report entries.
 *
 * @param runner the one runner of this engine run; it is thread-safe
 * @param listener the listener of this engine run
 */
public record PlumbExecutionContext(ScriptRunner runner, EngineExecutionListener listener)
        implements EngineExecutionContext {}
