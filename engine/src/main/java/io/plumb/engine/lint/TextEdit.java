package io.plumb.engine.lint;

/**
 * A {@code TextEdit} is the change a {@link SuggestedFix} makes to a migration file: lines {@code line} to {@code
 * end} (1-based, inclusive) are replaced by {@code newText}.
 *
 * @param line the first line to replace
 * @param end the last line to replace
 * @param newText the replacement text
 */
public record TextEdit(int line, int end, String newText) {}
