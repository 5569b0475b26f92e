package io.plumb.cli;

import io.plumb.engine.lint.Diagnostic;
import io.plumb.engine.lint.FileReport;
import io.plumb.engine.lint.LintReport;
import io.plumb.engine.lint.Report;
import io.plumb.engine.lint.StepReport;
import io.plumb.engine.lint.SuggestedFix;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code LintText} prints a lint report in the reference tool's default layout, byte for byte (without colours,
 * which it leaves out when the output is not a terminal): a header, one section per file with its reports, wrapped
 * at 85 columns less the line's prefix, its suggested fixes and {@code -- ok (duration)}, then the summary lines.
 */
final class LintText {

    private static final int WIDTH = 85;
    private static final String CONTINUATION = "         ";

    private LintText() {}

    static String render(LintReport report) {
        StringBuilder out = new StringBuilder();
        List<StepReport> steps = report.nonFileReports();
        if (report.files().isEmpty() && steps.isEmpty()) {
            return "";
        }
        header(out, report);
        for (StepReport step : steps) {
            out.append("  -- ").append(step.name().toLowerCase(Locale.ROOT)).append('\n');
            FileReport result = step.result().orElseThrow();
            for (Report r : result.reports()) {
                if (!r.text().isEmpty()) {
                    out.append("    -- ").append(r.text()).append(":\n");
                }
                for (Diagnostic d : r.diagnostics()) {
                    wrapped(out, "    -- ", d.text(), "       ");
                }
            }
            fixes(out, result.suggestedFixes(), "    -- ");
            out.append('\n');
        }
        List<FileReport> files = report.files();
        for (int i = 0; i < files.size(); i++) {
            FileReport f = files.get(i);
            if (f.hasError() && f.file().isEmpty() && i == files.size() - 1) {
                out.append("  Error: ").append(f.error()).append("\n\n");
                break;
            }
            out.append("  -- analyzing version ").append(f.version()).append('\n');
            if (f.hasError() && f.reports().isEmpty()) {
                // The reference's template passes two values to one verb here; Go prints the extra one so.
                out.append("Error: ")
                        .append(f.name())
                        .append("\n%!(EXTRA string=")
                        .append(f.error())
                        .append(')');
                continue;
            }
            file(out, f);
            out.append('\n');
        }
        out.append("  -------------------------\n");
        out.append("  -- ").append(GoDuration.format(report.elapsed())).append('\n');
        String statuses = report.versionStatuses();
        if (!statuses.isEmpty()) {
            out.append("  -- ").append(statuses).append('\n');
        }
        int changes = report.totalChanges();
        if (changes > 0) {
            out.append("  -- ")
                    .append(changes)
                    .append(" schema change")
                    .append(changes == 1 ? "" : "s")
                    .append('\n');
        }
        int diagnostics = report.diagnosticsCount();
        if (diagnostics > 0) {
            out.append("  -- ")
                    .append(diagnostics)
                    .append(" diagnostic")
                    .append(diagnostics == 1 ? "" : "s")
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Renders the lint report of a {@code schema apply} plan ({@code PlanLint}): the plan's one file as {@link
     * #render} prints a file, under {@code Analyzing planned statements (N in total):}, then the summary lines.
     */
    static String renderPlan(LintReport report, int statements, int headerLines) {
        StringBuilder out = new StringBuilder("Analyzing planned statements (")
                .append(statements)
                .append(" in total):\n\n");
        for (FileReport f : report.files()) {
            if (f.file().isEmpty()) {
                out.append("  Error: ").append(f.error()).append("\n\n");
                continue;
            }
            file(out, f, headerLines);
            out.append('\n');
        }
        out.append("  -------------------------\n");
        out.append("  -- ").append(GoDuration.format(report.elapsed())).append('\n');
        count(out, report.totalChanges(), "schema change");
        count(out, report.diagnosticsCount(), "diagnostic");
        return out.toString();
    }

    private static void count(StringBuilder out, int n, String what) {
        if (n > 0) {
            out.append("  -- ")
                    .append(n)
                    .append(' ')
                    .append(what)
                    .append(n == 1 ? "" : "s")
                    .append('\n');
        }
    }

    private static void header(StringBuilder out, LintReport report) {
        int total =
                report.totalFiles() != 0 ? report.totalFiles() : report.files().size();
        if (!report.fromVersion().isEmpty() && !report.toVersion().isEmpty()) {
            out.append("Analyzing changes from version ")
                    .append(report.fromVersion())
                    .append(" to ")
                    .append(report.toVersion());
        } else if (!report.toVersion().isEmpty()) {
            out.append("Analyzing changes until version ").append(report.toVersion());
        } else {
            out.append("Analyzing changes");
        }
        if (total != 0) {
            out.append(" (")
                    .append(total)
                    .append(" migration")
                    .append(total == 1 ? "" : "s")
                    .append(" in total):\n");
        } else {
            out.append(":\n");
        }
        out.append('\n');
    }

    private static void file(StringBuilder out, FileReport f) {
        file(out, f, 0);
    }

    private static void file(StringBuilder out, FileReport f, int headerLines) {
        if (f.reports().isEmpty()) {
            out.append("    -- no diagnostics found\n");
        }
        for (Report r : f.reports()) {
            if (!r.text().isEmpty()) {
                out.append("    -- ").append(r.text()).append(":\n");
            } else if (!r.diagnostics().isEmpty()) {
                out.append("    -- Unnamed diagnostics detected:\n");
            }
            for (Diagnostic d : r.diagnostics()) {
                String prefix = "      -- L" + (f.line(d.pos()) - headerLines) + ": ";
                wrapped(out, prefix, d.text() + " " + d.docUrl(), CONTINUATION);
            }
        }
        fixes(out, f.suggestedFixes(), "    -- ");
        if (!f.hasError() || !f.reports().isEmpty()) {
            out.append("  -- ok (").append(GoDuration.format(f.elapsed())).append(")\n");
        }
    }

    private static void fixes(StringBuilder out, List<SuggestedFix> fixes, String heading) {
        if (fixes.isEmpty()) {
            return;
        }
        out.append(heading)
                .append("suggested fix")
                .append(fixes.size() == 1 ? "" : "es")
                .append(":\n");
        for (SuggestedFix fix : fixes) {
            wrapped(out, "      -> ", fix.message(), CONTINUATION);
        }
    }

    private static void wrapped(StringBuilder out, String prefix, String text, String continuation) {
        out.append(prefix);
        List<String> lines = maxWidth(text, WIDTH - prefix.getBytes(StandardCharsets.UTF_8).length);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append(continuation);
            }
            out.append(lines.get(i)).append('\n');
        }
    }

    /**
     * Splits a text into lines of words as the reference's {@code maxWidth} does: the spaces between words do not
     * count toward the width, and a first word longer than the width is preceded by an empty line.
     */
    static List<String> maxWidth(String text, int width) {
        String trimmed = text.strip();
        String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = 0;
        for (int i = 0; i < words.length; i++) {
            int size = words[i].getBytes(StandardCharsets.UTF_8).length;
            if (length + size > width) {
                lines.add(String.join(" ", List.of(words).subList(start, i)));
                length = 0;
                start = i;
            }
            length += size;
        }
        lines.add(String.join(" ", List.of(words).subList(start, words.length)));
        return lines;
    }
}
