package io.plumb.engine.lint;

import java.util.Optional;

/**
 * A {@code SuggestedFix} tells how to resolve a diagnostic or a report: a message for people and, where the fix
 * can be applied mechanically, the edit that makes it.
 *
 * @param message what to do, such as {@code Add a pre-migration check to ensure table "users" is empty before
 *     dropping it}
 * @param textEdit the edit to the file, when there is one
 */
public record SuggestedFix(String message, Optional<TextEdit> textEdit) {

    /** Returns a fix with a message only. */
    public static SuggestedFix of(String message) {
        return new SuggestedFix(message, Optional.empty());
    }
}
