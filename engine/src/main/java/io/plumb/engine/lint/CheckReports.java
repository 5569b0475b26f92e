package io.plumb.engine.lint;

import io.plumb.engine.migrate.CheckProblem;
import io.plumb.engine.migrate.MigrationFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CheckReports} folds the problems of pre-migration check validation into a lint report, so that every
 * format shows them: each file with problems gets a report headed {@value #HEADING} with one diagnostic per problem
 * at its line, and fails. A problem in a file the report has no entry for (a base file whose replay stopped) is
 * added as a failed file.
 */
public final class CheckReports {

    /** The heading of the report of a file's check problems. */
    public static final String HEADING = "pre-migration check problems detected";

    private CheckReports() {}

    /** Returns the report with the problems folded in; the report itself when there are none. */
    public static LintReport fold(LintReport report, List<CheckProblem> problems, List<MigrationFile> directory) {
        if (problems.isEmpty()) {
            return report;
        }
        Map<String, List<CheckProblem>> byFile = new LinkedHashMap<>();
        problems.forEach(
                p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        List<FileReport> files = new ArrayList<>();
        List<FileReport> failed = new ArrayList<>();
        for (FileReport file : report.files()) {
            List<CheckProblem> own = byFile.remove(file.name());
            if (file.file().isEmpty()) {
                // A file that could not be replayed fails with the replay's error, which says the same; it stays last.
                failed.add(file);
            } else {
                files.add(own == null ? file : withProblems(file, own));
            }
        }
        for (MigrationFile file : directory) {
            List<CheckProblem> own = byFile.remove(file.name());
            if (own != null) {
                FileReport bare =
                        new FileReport(file.name(), file.text(), List.of(), "", Duration.ZERO, Optional.empty());
                files.add(withProblems(bare, own));
            }
        }
        files.addAll(failed);
        List<StepReport> steps = report.steps().stream()
                .map(s -> s.result()
                        .flatMap(r -> files.stream()
                                .filter(f ->
                                        f.name().equals(r.name()) && f.file().isPresent())
                                .findFirst())
                        .map(f -> new StepReport(s.name(), s.text(), s.error(), Optional.of(f)))
                        .orElse(s))
                .toList();
        return new LintReport(
                steps, files, report.fromVersion(), report.toVersion(), report.totalFiles(), report.elapsed());
    }

    private static FileReport withProblems(FileReport file, List<CheckProblem> problems) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (CheckProblem problem : problems) {
            int pos = LintFile.offset(file.text(), problem.line(), problem.column());
            diagnostics.add(Diagnostic.of(pos, "", problem.message()));
        }
        List<Report> reports = new ArrayList<>(file.reports());
        reports.add(Report.of(HEADING, diagnostics));
        String error = file.error().isEmpty() ? HEADING : file.error() + "; " + HEADING;
        return new FileReport(
                file.name(), file.text(), reports, error, file.elapsed(), file.file(), file.errorPosition());
    }
}
