package io.plumb.junit.internal;

import io.plumb.engine.hcl.Pos;
import io.plumb.engine.testing.CaseFailure;
import io.plumb.engine.testing.CaseResult;
import io.plumb.engine.testing.LogLine;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A {@code CaseVerdict} turns a {@link CaseResult} into a JUnit outcome: a passed case returns, a skipped one
 * aborts, and a failed one throws an {@link AssertionFailedError} located at the failing command, carrying the
 * expected and actual values of a mismatch so that an IDE shows the difference.
 */
public final class CaseVerdict {

    /** The declaring class of the synthetic stack frame of a failure. */
    public static final String FRAME_CLASS = "test";

    /** Why a skipped case did not run. */
    public static final String SKIP_REASON = "skip = true";

    /** The report entry key of a case's {@code log} lines. */
    public static final String LOG_ENTRY = "plumb.log";

    private CaseVerdict() {}

    /**
     * Returns when the case passed.
     *
     * @throws TestAbortedException when it was skipped
     * @throws AssertionFailedError when it failed, with {@code file:LINE: message}
     */
    public static void enforce(CaseResult result) {
        switch (result.status()) {
            case PASS -> {}
            case SKIP -> throw new TestAbortedException(SKIP_REASON);
            case FAIL -> throw failure(result);
        }
    }

    /** Returns the error that reports a failed case. */
    public static AssertionFailedError failure(CaseResult result) {
        CaseFailure failure = result.failure().orElseGet(() -> CaseFailure.of(result.pos(), "failed"));
        Pos pos = failure.pos();
        String message = pos.file() + ":" + pos.line() + ": " + failure.message();
        AssertionFailedError error = failure.expected().isPresent()
                        && failure.actual().isPresent()
                ? new AssertionFailedError(
                        message, failure.expected().get(), failure.actual().get())
                : new AssertionFailedError(message);
        Path fileName = Path.of(pos.file()).getFileName();
        error.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(
                    FRAME_CLASS, result.name(), fileName == null ? pos.file() : fileName.toString(), pos.line())
        });
        return error;
    }

    /** Returns the case's {@code log} lines as one text, a line each, or an empty text. */
    public static String log(CaseResult result) {
        return result.logs().stream().map(LogLine::render).collect(Collectors.joining("\n"));
    }
}
