package io.plumb.junit.internal;

import io.plumb.runner.ScriptResult;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A {@code ScriptVerdict} turns a {@link ScriptResult} into a JUnit outcome: a passed script returns, a skipped one
 * aborts, and a failed one throws an error located at the failing line of the script.
 */
public final class ScriptVerdict {

    /** The declaring class of the synthetic stack frame of a failure. */
    public static final String FRAME_CLASS = "script";

    private ScriptVerdict() {}

    /**
     * Returns when the script passed.
     *
     * @throws TestAbortedException when the script was skipped, with the skip message
     * @throws AssertionFailedError when the script failed, with {@code <path>:<line>: <message>} and the log, and
     *     one stack frame that points at the script file and line
     */
    public static void enforce(ScriptResult result) {
        switch (result.outcome()) {
            case PASSED -> {}
            case SKIPPED -> throw new TestAbortedException(result.message().isEmpty() ? "skipped" : result.message());
            case FAILED -> throw failure(result);
        }
    }

    /** Returns the error that reports a failed script. */
    public static AssertionFailedError failure(ScriptResult result) {
        AssertionFailedError error =
                new AssertionFailedError(location(result) + ": " + result.message() + "\n" + result.log());
        error.setStackTrace(new StackTraceElement[] {frame(result)});
        return error;
    }

    /** Returns {@code <path>:<line>}, or only the path when no line failed. */
    public static String location(ScriptResult result) {
        String path = ScriptIdScheme.stablePath(result.script());
        return result.failureLine() > 0 ? path + ":" + result.failureLine() : path;
    }

    /** Returns the stack frame that points an IDE at the failing line of the script. */
    public static StackTraceElement frame(ScriptResult result) {
        Path fileName = result.script().getFileName();
        return new StackTraceElement(
                FRAME_CLASS,
                result.name(),
                fileName == null ? result.script().toString() : fileName.toString(),
                Math.max(result.failureLine(), 1));
    }
}
