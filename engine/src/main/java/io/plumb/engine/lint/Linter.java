package io.plumb.engine.lint;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.DevDatabase;
import io.plumb.engine.devdb.ServerObjects;
import io.plumb.engine.migrate.MigrationFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Linter} runs the analyzers over the new files of a migration directory: it replays the base on the
 * dev database, loads each new file's changes statement by statement ({@link ChangeLoader}), and runs its
 * dialect's analyzers ({@link Analyzers}) in the reference's order, filtering their reports by {@code
 * atlas:nolint}. The dev database must be clean and is left clean.
 */
public final class Linter {

    static final String STEP_DETECT = "Detect New Migration Files";
    static final String STEP_LOAD = "Replay Migration Files";
    static final String STEP_ANALYZE = "Analyze ";

    private final Database dev;
    private final List<Analyzer> analyzers;
    private final LintConfig config;

    /** Creates a linter with the dialect's analyzers, configured by a {@code lint {}} block. */
    public Linter(Database dev, LintConfig config) {
        this(dev, config, Analyzers.forDialect(dev.dialect().name(), config));
    }

    /** Creates a linter with the given analyzers, run in the given order. */
    public Linter(Database dev, LintConfig config, List<Analyzer> analyzers) {
        this.dev = dev;
        this.config = config;
        this.analyzers = List.copyOf(analyzers);
    }

    /**
     * Lints the files the detector finds new.
     *
     * @throws io.plumb.engine.db.DatabaseException when the dev database is not clean
     */
    public LintReport lint(List<MigrationFile> files, ChangeDetector detector) {
        long start = System.nanoTime();
        List<StepReport> steps = new ArrayList<>();
        ChangeDetector.Split split = detector.detect(files);
        List<MigrationFile> base = split.base();
        List<MigrationFile> changed = split.changed();
        steps.add(StepReport.of(
                STEP_DETECT, "Found " + changed.size() + " new migration files (from " + files.size() + " total)"));
        String from = base.isEmpty() ? "" : ReportedVersion.of(base.get(base.size() - 1));
        String to = changed.isEmpty() ? "" : ReportedVersion.of(changed.get(changed.size() - 1));
        List<FileReport> reports = new ArrayList<>();
        // What the files create on the server (a database, a role) is dropped once they are analysed.
        ServerObjects created = ServerObjects.on(dev);
        DevDatabase.use(dev, created, () -> {
            List<LintFile> loaded;
            try {
                loaded = new ChangeLoader(dev, created).load(base, changed);
            } catch (LintException e) {
                reports.add(FileReport.failed(e));
                steps.add(new StepReport(
                        STEP_LOAD, "Failed loading changes on dev database", e.error(), Optional.empty()));
                return null;
            }
            steps.add(StepReport.of(STEP_LOAD, "Loaded " + loaded.size() + " changes on dev database"));
            for (LintFile file : loaded) {
                analyze(file).ifPresent(report -> {
                    reports.add(report);
                    steps.add(new StepReport(
                            STEP_ANALYZE + file.name(),
                            report.reports().size() + " reports were found in analysis",
                            "",
                            Optional.of(report)));
                });
            }
            return null;
        });
        return new LintReport(steps, reports, from, to, changed.size(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Analyzes one loaded file, or returns empty for a file that {@code atlas:nolint} skips entirely. */
    public Optional<FileReport> analyze(LintFile file) {
        long start = System.nanoTime();
        NoLint noLint = NoLint.of(file);
        if (noLint.ignored()) {
            return Optional.empty();
        }
        if (dev.dialect().name().equals("sqlite")) {
            SqliteRebuilds.fold(file, dev.dialect().normalizer());
        }
        Pass pass = new Pass(file, dev);
        List<Report> reports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Analyzer analyzer : analyzers) {
            List<Report> found;
            try {
                found = analyzer.analyze(pass);
            } catch (RuntimeException e) {
                errors.add("skip crashed analyzer (" + analyzer.name() + "): " + e);
                continue;
            }
            List<Report> kept = noLint.filter(analyzer, found);
            reports.addAll(kept);
            boolean error = config.analyzer(analyzer.name()).error().orElse(analyzer.errorByDefault());
            if (analyzer.fails(kept, error)) {
                errors.add(kept.isEmpty() ? analyzer.name() : kept.get(0).text());
            }
        }
        return Optional.of(new FileReport(
                file.name(),
                file.text(),
                reports,
                String.join("; ", errors),
                Duration.ofNanos(System.nanoTime() - start),
                Optional.of(file)));
    }
}
