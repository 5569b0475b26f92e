package io.plumb.engine.lint;

import io.plumb.engine.migrate.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code FileReport} is the lint result of one file: the analyzers' reports, and the error that fails the file
 * (an analyzer's with {@code error} on, or the file's replay error).
 *
 * @param name the file's name ({@code atlas.sum} for a checksum error)
 * @param text the file's contents
 * @param reports the reports left after {@code atlas:nolint} filtering, in analyzer order
 * @param error the errors joined by {@code "; "}, empty when the file has none
 * @param elapsed how long the analysis took
 * @param file the analyzed file; empty for a file that could not be replayed
 * @param errorPosition where the error is in the file: the statement that failed on the dev database, or the text
 *     that cannot be read into statements; empty for the analyzers' errors, whose positions are their
 *     diagnostics', and when not known
 */
public record FileReport(
        String name,
        String text,
        List<Report> reports,
        String error,
        Duration elapsed,
        Optional<LintFile> file,
        Optional<Position> errorPosition) {

    public FileReport {
        reports = List.copyOf(reports);
    }

    /** Creates the report of a file without an error position of its own. */
    public FileReport(
            String name, String text, List<Report> reports, String error, Duration elapsed, Optional<LintFile> file) {
        this(name, text, reports, error, elapsed, file, Optional.empty());
    }

    /**
     * Returns the report of a file that could not be replayed: as the reference, without the file's text, with the
     * error's position.
     */
    public static FileReport failed(LintException e) {
        return new FileReport(e.file(), "", List.of(), e.error(), Duration.ZERO, Optional.empty(), e.position());
    }

    /** Returns the file's version as the reference names it in reports (see {@link ReportedVersion}). */
    public String version() {
        return file.map(f -> ReportedVersion.of(f.file()))
                .orElseGet(() -> new MigrationFile(name, new byte[0]).version());
    }

    /** Returns whether the file has an error. */
    public boolean hasError() {
        return !error.isEmpty();
    }

    /** Returns the 1-based line of a byte offset in the file. */
    public int line(int pos) {
        return LintFile.lineOf(text.getBytes(StandardCharsets.UTF_8), pos);
    }

    /** Returns the number of diagnostics. */
    public int diagnosticsCount() {
        return reports.stream().mapToInt(r -> r.diagnostics().size()).sum();
    }

    /** Returns the suggested fixes with a message, of the reports and then of their diagnostics, per report. */
    public List<SuggestedFix> suggestedFixes() {
        List<SuggestedFix> fixes = new ArrayList<>();
        for (Report report : reports) {
            report.suggestedFixes().stream().filter(f -> !f.message().isEmpty()).forEach(fixes::add);
            for (Diagnostic d : report.diagnostics()) {
                d.suggestedFixes().stream().filter(f -> !f.message().isEmpty()).forEach(fixes::add);
            }
        }
        return fixes;
    }

    /** Returns the number of schema changes the file made. */
    public int changeCount() {
        return file.map(LintFile::changeCount).orElse(0);
    }
}
