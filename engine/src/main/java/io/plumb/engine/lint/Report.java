package io.plumb.engine.lint;

import java.util.List;

/**
 * A {@code Report} is what one analyzer writes about one file: a heading such as {@code destructive changes
 * detected} and its diagnostics.
 *
 * @param text the heading (empty for unnamed diagnostics)
 * @param desc an optional secondary text
 * @param diagnostics the findings, in statement order
 * @param suggestedFixes report-level fixes
 */
public record Report(String text, String desc, List<Diagnostic> diagnostics, List<SuggestedFix> suggestedFixes) {

    public Report {
        diagnostics = List.copyOf(diagnostics);
        suggestedFixes = List.copyOf(suggestedFixes);
    }

    /** Returns a report of a heading and its diagnostics. */
    public static Report of(String text, List<Diagnostic> diagnostics) {
        return new Report(text, "", diagnostics, List.of());
    }
}
