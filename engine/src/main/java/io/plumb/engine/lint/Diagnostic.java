package io.plumb.engine.lint;

import java.util.List;

/**
 * A {@code Diagnostic} is one finding of an analyzer: what was found, where, under which code.
 *
 * @param pos the byte offset in the file of the statement that made the change (0 for findings on the whole file)
 * @param text the message, exactly as the reference tool words it: {@code Dropping table "users"}
 * @param code the stable code, such as {@code DS102} (empty for an unnamed diagnostic)
 * @param suggestedFixes fixes for this diagnostic
 */
public record Diagnostic(int pos, String text, String code, List<SuggestedFix> suggestedFixes) {

    /** The page every code is documented on, followed by {@code #CODE}, as the reference tool prints it. */
    public static final String DOC_URL = "https://atlasgo.io/lint/analyzers#";

    public Diagnostic {
        suggestedFixes = List.copyOf(suggestedFixes);
    }

    /** Returns a diagnostic without fixes. */
    public static Diagnostic of(int pos, String code, String text) {
        return new Diagnostic(pos, text, code, List.of());
    }

    /** Returns this diagnostic with one more fix. */
    public Diagnostic withFix(SuggestedFix fix) {
        List<SuggestedFix> fixes = new java.util.ArrayList<>(suggestedFixes);
        fixes.add(fix);
        return new Diagnostic(pos, text, code, fixes);
    }

    /** Returns the documentation link of the code, or empty for a diagnostic without one. */
    public String docUrl() {
        return code.isEmpty() ? "" : DOC_URL + code;
    }
}
