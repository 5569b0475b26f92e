package io.plumb.runner;

import io.plumb.runner.internal.UnifiedDiff;

/**
 * {@code TextDiff} prints the difference of two texts as {@code cmp} does, for script commands of other modules
 * that compare text ({@code cmphcl}, {@code cmpshow}, ...).
 */
public final class TextDiff {

    private TextDiff() {}

    /**
     * Returns Go's anchored unified diff of two texts, headed {@code diff OLD NEW}, or {@code ""} when they are
     * equal.
     */
    public static String unified(String oldName, String oldText, String newName, String newText) {
        return UnifiedDiff.diff(oldName, oldText, newName, newText);
    }
}
