package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;
import java.util.Optional;

/**
 * A {@code CommandFailedException} ends a case at its failing command; the runner turns it into the case's
 * {@link CaseFailure}.
 */
final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CaseFailure failure;

    CommandFailedException(CaseFailure failure) {
        super(failure.pos() + ": " + failure.message(), null, false, false);
        this.failure = failure;
    }

    static CommandFailedException at(Pos pos, String message) {
        return new CommandFailedException(CaseFailure.of(pos, message));
    }

    static CommandFailedException mismatch(Pos pos, String message, String expected, String actual) {
        return new CommandFailedException(new CaseFailure(pos, message, Optional.of(expected), Optional.of(actual)));
    }

    CaseFailure failure() {
        return failure;
    }
}
