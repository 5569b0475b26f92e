package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;
import java.util.Optional;

/**
 * A {@code CaseFailure} is why a case failed: the command that failed, and for a mismatch the expected and actual
 * values.
 *
 * @param pos where the failing command's block starts (or the test block's, when the case failed before any)
 * @param message what went wrong, such as the database's error or {@code no match for `x` found in "y"}
 * @param expected the expected value of a mismatch
 * @param actual the actual value of a mismatch
 */
public record CaseFailure(Pos pos, String message, Optional<String> expected, Optional<String> actual) {

    /** Creates a failure that is not a mismatch. */
    public static CaseFailure of(Pos pos, String message) {
        return new CaseFailure(pos, message, Optional.empty(), Optional.empty());
    }
}
