package io.plumb.engine.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code NoLint} holds the {@code atlas:nolint} directives of one file and filters reports by them, as the
 * reference does: a bare directive at the top of the file (separated from the statements by a blank line) skips
 * the file; one with arguments applies them to every statement; one directly above a statement applies to that
 * statement's diagnostics. Arguments are analyzer names or codes; a bare statement directive drops them all.
 */
final class NoLint {

    private final boolean ignored;
    private final Map<Integer, List<String>> rules = new HashMap<>();

    private NoLint(boolean ignored) {
        this.ignored = ignored;
    }

    static NoLint of(LintFile file) {
        var fileLevel = file.file().directives().noLint();
        if (fileLevel.isPresent() && fileLevel.get().isEmpty()) {
            return new NoLint(true);
        }
        NoLint noLint = new NoLint(false);
        for (Change change : file.changes()) {
            List<String> at = noLint.rules.computeIfAbsent(change.pos(), p -> new ArrayList<>());
            fileLevel.ifPresent(at::addAll);
            for (String args : change.statement().directive("nolint")) {
                at.addAll(args.isEmpty() ? List.of("") : List.of(args.split("\\s+")));
            }
        }
        return noLint;
    }

    /** Returns whether the whole file is skipped: it gets no report at all. */
    boolean ignored() {
        return ignored;
    }

    /** Returns the reports of an analyzer without the diagnostics the directives drop; empty reports go. */
    List<Report> filter(Analyzer analyzer, List<Report> reports) {
        List<Report> kept = new ArrayList<>();
        for (Report report : reports) {
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (Diagnostic d : report.diagnostics()) {
                List<String> at = rules.getOrDefault(d.pos(), List.of());
                boolean dropped = at.contains("") || at.contains(d.code()) || at.contains(analyzer.name());
                if (!dropped) {
                    diagnostics.add(d);
                }
            }
            if (diagnostics.isEmpty()) {
                continue;
            }
            if (diagnostics.size() == report.diagnostics().size()) {
                kept.add(report);
            } else {
                // As the reference, a filtered report keeps only its heading and diagnostics.
                kept.add(Report.of(report.text(), diagnostics));
            }
        }
        return kept;
    }
}
