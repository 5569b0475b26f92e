package io.plumb.engine.lint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code LintReport} is the result of a lint run over a migration directory: the steps, one report per analyzed
 * file, and what the summary lines count. It is the reference's {@code SummaryReport}.
 *
 * @param steps the steps, in order
 * @param files the file reports, in order; a file that could not be replayed comes last, without analysis
 * @param fromVersion the last base version, empty when there is no base
 * @param toVersion the last new version, empty when there is no new file
 * @param totalFiles the number of new files
 * @param elapsed how long the whole run took
 */
public record LintReport(
        List<StepReport> steps,
        List<FileReport> files,
        String fromVersion,
        String toVersion,
        int totalFiles,
        Duration elapsed) {

    public LintReport {
        steps = List.copyOf(steps);
        files = List.copyOf(files);
    }

    /** Returns whether a file has an error or a step failed: the run then exits 1. */
    public boolean hasErrors() {
        return files.stream().anyMatch(FileReport::hasError)
                || steps.stream().anyMatch(s -> !s.error().isEmpty());
    }

    /** Returns the number of diagnostics over all files. */
    public int diagnosticsCount() {
        return files.stream().mapToInt(FileReport::diagnosticsCount).sum();
    }

    /** Returns the number of schema changes over all files. */
    public int totalChanges() {
        return files.stream().mapToInt(FileReport::changeCount).sum();
    }

    /**
     * Returns the version status line, such as {@code 1 version ok, 1 with errors}: files with an error, files
     * with reports (warnings), the others ok.
     */
    public String versionStatuses() {
        int ok = 0;
        int warnings = 0;
        int errors = 0;
        for (FileReport file : files) {
            if (file.hasError()) {
                errors++;
            } else if (!file.reports().isEmpty()) {
                warnings++;
            } else {
                ok++;
            }
        }
        List<String> parts = new ArrayList<>();
        part(parts, ok, "ok");
        part(parts, warnings, "with warnings");
        part(parts, errors, "with errors");
        return String.join(", ", parts);
    }

    private static void part(List<String> parts, int n, String what) {
        if (n == 0) {
            return;
        }
        if (parts.isEmpty()) {
            parts.add(n + (n == 1 ? " version " : " versions ") + what);
        } else {
            parts.add(n + " " + what);
        }
    }

    /** Returns the steps whose result is not a file's but has reports, printed before the files. */
    public List<StepReport> nonFileReports() {
        return steps.stream()
                .filter(s -> s.result()
                        .filter(r -> r.file().isEmpty() && !r.reports().isEmpty())
                        .isPresent())
                .toList();
    }
}
