package io.plumb.engine.lint;

import java.util.List;
import java.util.Optional;

/**
 * A {@code SuggestedFix} tells how to resolve a diagnostic or a report: a message for people and, where the fix
 * can be applied mechanically, the edit that makes it or the pre-migration checks that guard the change.
 *
 * @param message what to do, such as {@code Add a pre-migration check to ensure table "users" is empty before
 *     dropping it}
 * @param textEdit the edit to the file, when there is one
 * @param checks the pre-migration check assertions that {@code plumb migrate lint --fix} writes into the file's
 *     {@code checks.sql}, such as {@code SELECT NOT EXISTS (SELECT 1 FROM "users");} (none for most fixes)
 */
public record SuggestedFix(String message, Optional<TextEdit> textEdit, List<String> checks) {

    public SuggestedFix {
        checks = List.copyOf(checks);
    }

    /** Returns a fix with a message only. */
    public static SuggestedFix of(String message) {
        return new SuggestedFix(message, Optional.empty(), List.of());
    }

    /** Returns a fix that {@code --fix} applies by adding pre-migration checks to the file. */
    public static SuggestedFix withChecks(String message, List<String> checks) {
        return new SuggestedFix(message, Optional.empty(), checks);
    }
}
