package io.plumb.cli;

import io.plumb.engine.hcl.Pos;
import io.plumb.engine.testing.CaseFailure;
import io.plumb.engine.testing.CaseResult;
import io.plumb.engine.testing.LogLine;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CaseReport} prints a test case's result as the reference tool does: a {@code -- PASS: name (duration)}
 * line, the case's log lines under it, and for a failure the failing command's {@code file:line:} and the error.
 *
 * <pre>
 * -- FAIL: postal (319µs)
 *     schema.test.hcl:2:
 *       Error: value for domain us_postal_code violates check constraint "us_postal_code_check"
 * </pre>
 *
 * When an expected or actual value spans lines, both are printed in full under the error, which then cannot show
 * them readably on one line.
 */
final class CaseReport {

    private CaseReport() {}

    /** Returns the lines printed for a result. */
    static List<String> lines(CaseResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("-- " + result.status().name() + ": " + result.name() + " (" + GoDuration.format(result.duration())
                + ")");
        for (LogLine log : result.logs()) {
            lines.add("    " + log.render());
        }
        result.failure().ifPresent(failure -> lines.addAll(failureLines(failure)));
        return lines;
    }

    /** Returns the failure's location and error, as printed under its case. */
    static List<String> failureLines(CaseFailure failure) {
        List<String> lines = new ArrayList<>();
        lines.add("    " + location(failure.pos()) + ":");
        lines.addAll(indented("      Error: ", "             ", failure.message()));
        boolean multiline = failure.expected().orElse("").contains("\n")
                || failure.actual().orElse("").contains("\n");
        if (multiline) {
            lines.add("      expected:");
            lines.addAll(indented("        ", "        ", failure.expected().orElse("")));
            lines.add("      actual:");
            lines.addAll(indented("        ", "        ", failure.actual().orElse("")));
        }
        return lines;
    }

    /** Returns {@code file:line}, the reference's location of a command. */
    static String location(Pos pos) {
        return pos.file() + ":" + pos.line();
    }

    private static List<String> indented(String first, String rest, String text) {
        List<String> lines = new ArrayList<>();
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            lines.add((i == 0 ? first : rest) + parts[i]);
        }
        return lines;
    }
}
