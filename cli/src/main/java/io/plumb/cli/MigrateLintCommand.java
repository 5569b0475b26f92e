package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.gotemplate.TemplateException;
import io.plumb.engine.lint.ChangeDetector;
import io.plumb.engine.lint.CheckFixes;
import io.plumb.engine.lint.CheckReports;
import io.plumb.engine.lint.GitChangeDetector;
import io.plumb.engine.lint.LintConfig;
import io.plumb.engine.lint.LintReport;
import io.plumb.engine.lint.Linter;
import io.plumb.engine.migrate.CheckProblem;
import io.plumb.engine.migrate.CheckValidator;
import io.plumb.engine.migrate.DirFormat;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateLintCommand} is {@code plumb migrate lint}: it replays the base of a migration directory on a dev
 * database, runs the new files statement by statement, and reports what the lint analyzers find in them
 * (destructive changes, data-dependent changes, renames, naming...), together with the problems of the new files'
 * pre-migration checks, in the reference tool's layout or a {@code --format} template.
 */
@Command(
        name = "lint",
        header = "Run analysis on the migration directory.",
        description = {
            "",
            "The new files are the last N (--latest N) or those added since a Git branch (--git-base BRANCH), or as"
                    + " lint { latest = N } or lint { git { base = ... } } of atlas.hcl say. The files before them"
                    + " are replayed on the dev database, which must be clean and is left clean; each new file is"
                    + " then run statement by statement, and every change is reported at the line of its"
                    + " statement. Pre-migration checks of new txtar files are validated too. The command exits 1"
                    + " when a file has errors (destructive changes by default; lint { ANALYZER { error = true } })."
                    + " -- atlas:nolint [ANALYZERS|CODES] above a statement, or at the top of a file, silences"
                    + " findings. Codes are documented in engine/LINT.md.",
            "",
            "--fix writes the pre-migration checks that destructive findings suggest (DS102: the table is empty,"
                    + " DS103: the column is NULL) into their files: a plain file becomes a txtar migration file"
                    + " (-- atlas:txtar, checks.sql, migration.sql with its statements unchanged), a txtar file gets"
                    + " them added to its checks.sql, and atlas.sum is re-hashed with each file. It prints a line per"
                    + " check (to standard error with --format), then lints the fixed directory again, which"
                    + " validates the new checks on the dev database, and reports that run. Editing a file changes its"
                    + " hash: fix only files that no database has applied yet (new files, as --git-base finds them).",
            ""
        })
final class MigrateLintCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Option(names = "--dev-url", paramLabel = "URL", description = "The dev database to replay the directory on.")
    @Nullable
    String devUrl;

    @Option(names = "--latest", paramLabel = "N", description = "Run analysis on the latest N migration files.")
    @Nullable
    Integer latest;

    @Option(names = "--git-base", paramLabel = "BRANCH", description = "Run analysis against the base Git branch.")
    @Nullable
    String gitBase;

    @Option(
            names = "--git-dir",
            paramLabel = "DIR",
            description = "The path to the repository working directory (default: .).")
    @Nullable
    String gitDir;

    @Option(
            names = {"--format", "--log"},
            paramLabel = "FORMAT",
            description = "A Go template for the report, such as '{{ json . }}'; or sarif (SARIF 2.1.0) or github"
                    + " (GitHub Actions annotations).")
    @Nullable
    String format;

    @Option(
            names = "--junit-report",
            paramLabel = "FILE",
            description = "Also write JUnit XML: a test case per linted file, failing on its errors.")
    @Nullable
    String junitReport;

    @Option(
            names = "--fix",
            description = "Write the suggested pre-migration checks into the new files, re-hash atlas.sum and lint"
                    + " again. Only for files no database has applied yet.")
    boolean fix;

    MigrateLintCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (latest != null && latest < 0) {
            throw new ParameterException(spec.commandLine(), "--latest must be 0 or more, found " + latest);
        }
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        LintConfig config = selection.lint();
        String dev = selection.pick(devUrl, e -> e.dev()).orElseThrow(() -> Flags.missing(spec, "dev-url"));
        MigrationDir directory = dir.open(env, selection);
        ChangeDetector detector = detector(config, directory);
        // As the reference, the env's format { migrate { lint } } comes before its lint { format }.
        String template = format != null
                ? format
                : selection.format("migrate", "lint").or(config::format).orElse(null);
        Optional<String> named = template == null ? Optional.empty() : LintCiFormats.named(template);
        LintTemplate parsed = template == null || named.isPresent() ? null : parse(template);
        Instant started = env.clock().instant();
        // As the reference, lint checks an atlas.sum that is there, but runs without one.
        List<MigrationFile> files = directory.readSum().isPresent() ? directory.validate() : directory.files();
        LintReport report;
        String output;
        try (Workspace workspace = new Workspace(env, selection)) {
            Database database = workspace.open(dev);
            report = lint(database, config, files, detector);
            if (fix) {
                List<CheckFixes.Fix> fixes =
                        CheckFixes.of(report, database.dialect().name());
                if (!fixes.isEmpty()) {
                    write(directory, fixes, named.isPresent() || parsed != null);
                    files = directory.readSum().isPresent() ? directory.validate() : directory.files();
                    report = lint(database, config, files, detector);
                }
            }
            String display = directory.display();
            LintReport done = report;
            if (named.isPresent()) {
                output = named.get().equals("sarif")
                        ? LintCiFormats.sarif(done, display)
                        : LintCiFormats.github(done, display);
            } else {
                output = parsed == null
                        ? LintText.render(report)
                        : execute(parsed, LintTree.of(report, database, display));
            }
        }
        if (junitReport != null) {
            try {
                new JUnitXmlReport(env.workingDirectory())
                        .write(
                                env.resolve(junitReport),
                                "migrate lint",
                                LintCiFormats.junitCases(report, directory.display()),
                                started);
            } catch (IOException e) {
                throw new EngineFailure("writing the JUnit report " + junitReport + ": " + e.getMessage());
            }
        }
        env.out().print(output);
        env.out().flush();
        return report.hasErrors() ? 1 : 0;
    }

    private static LintReport lint(
            Database database, LintConfig config, List<MigrationFile> files, ChangeDetector detector) {
        LintReport report = new Linter(database, config).lint(files, detector);
        return CheckReports.fold(report, checkProblems(database, files, report), files);
    }

    /**
     * Writes the fixed files, each with its atlas.sum (both or neither), after checking that the directory takes
     * them, so that a directory in another format is refused before anything is written.
     */
    private void write(MigrationDir directory, List<CheckFixes.Fix> fixes, boolean machineFormat) {
        if (directory.format() != DirFormat.ATLAS) {
            throw new EngineFailure("cannot fix " + fixes.get(0).file().name() + ": " + directory.display()
                    + " is a " + directory.format().id() + " directory, and pre-migration checks are written in"
                    + " the atlas format only");
        }
        java.io.PrintWriter log = machineFormat ? env.err() : env.out();
        for (CheckFixes.Fix f : fixes) {
            directory.add(f.file().name(), f.content());
            for (String check : f.added()) {
                log.println("fixed " + f.file().name() + ": added check " + check);
            }
        }
        log.flush();
    }

    private ChangeDetector detector(LintConfig config, MigrationDir directory) {
        int n = latest == null ? 0 : latest;
        boolean byLatest = n > 0;
        if (byLatest && gitBase != null) {
            throw new ParameterException(spec.commandLine(), "--latest and --git-base are mutually exclusive");
        }
        Path repository = env.resolve(gitDir != null ? gitDir : config.gitDir().orElse("."));
        // Git mode runs the git program: see GitChangeDetector for why.
        if (byLatest) {
            return ChangeDetector.latest(n);
        }
        if (gitBase != null) {
            return new GitChangeDetector(repository, gitBase, directory.path());
        }
        if (config.latest().isPresent() && config.latest().getAsInt() > 0) {
            return ChangeDetector.latest(config.latest().getAsInt());
        }
        if (config.gitBase().isPresent()) {
            return new GitChangeDetector(repository, config.gitBase().get(), directory.path());
        }
        throw new ParameterException(spec.commandLine(), "--latest or --git-base is required");
    }

    private LintTemplate parse(String template) {
        try {
            return LintTemplate.parse(template);
        } catch (TemplateException e) {
            throw new ParameterException(spec.commandLine(), "parse format: " + LintTemplate.message(e));
        }
    }

    private static String execute(LintTemplate template, LintTree.Struct report) {
        try {
            return template.execute(report);
        } catch (TemplateException e) {
            throw new EngineFailure(LintTemplate.message(e));
        }
    }

    // Checks of new txtar files only: validating means replaying again, which plain files do not need.
    private static List<CheckProblem> checkProblems(Database dev, List<MigrationFile> files, LintReport report) {
        int linted = report.totalFiles();
        List<MigrationFile> changed = files.subList(files.size() - linted, files.size());
        if (changed.stream().noneMatch(f -> f.directives().txtar())) {
            return List.of();
        }
        return CheckValidator.validate(dev, files, linted);
    }
}
