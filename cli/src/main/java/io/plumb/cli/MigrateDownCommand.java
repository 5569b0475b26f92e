package io.plumb.cli;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.revert.DownOptions;
import io.plumb.engine.revert.DownReport;
import io.plumb.engine.revert.MigrateDown;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateDownCommand} is {@code plumb migrate down}: it reverts the last applied migration files of a
 * database, planning the revert from the database's current state, and prints the run in {@code migrate apply}'s
 * layout.
 */
@Command(
        name = "down",
        header = "Revert the last applied migration files of a database.",
        description = {
            "",
            "Nothing is pre-written: for each file to revert, the last first, the directory up to the file before it"
                    + " is replayed on the dev database and the statements are planned from the database's current"
                    + " state to that one, so down also works after a failed or partial apply. A baseline is never"
                    + " reverted.",
            "",
            "Before anything changes, checks assert that no dropped table holds rows and no dropped column holds a"
                    + " value; a failing check stops the run with nothing changed. On PostgreSQL and SQLite the revert"
                    + " and the deletion of the reverted revisions commit in one transaction; on MySQL and MariaDB"
                    + " each file's statements run in turn, then its revision is deleted. --dry-run prints the"
                    + " statements and runs the checks, changing nothing. --format json (or '{{ json . }}') prints"
                    + " one JSON object: Planned, Reverted, Current, Target, Total, Start, End, URL, Status, Error.",
            ""
        })
final class MigrateDownCommand implements Callable<Integer> {

    /** What a run with nothing to revert prints. */
    static final String NOTHING_TO_REVERT = "No migration files to revert";

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "AMOUNT",
            description = "Revert this many applied files (default 1).")
    @Nullable
    String amount;

    @Option(names = "--dev-url", paramLabel = "URL", description = "The dev database to replay the directory on.")
    @Nullable
    String devUrl;

    @Option(names = "--to-version", paramLabel = "VERSION", description = "Revert every file applied after VERSION.")
    @Nullable
    String toVersion;

    @Option(
            names = "--to-tag",
            paramLabel = "TAG",
            description = "Not supported: a tag needs a migration registry (atlas:// directories).")
    @Nullable
    String toTag;

    @Option(names = "--dry-run", description = "Print the statements and run the checks, changing nothing.")
    boolean dryRun;

    @Mixin
    LockOptions locking = new LockOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "json or '{{ json . }}' for a JSON report.")
    @Nullable
    String format;

    MigrateDownCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        // A bad --format is refused before anything runs; an env's format is read per instance below.
        MigrateFormats.isJson(format, spec);
        int count = amount();
        if (toTag != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--to-tag needs a migration registry (atlas:// directories), which Plumb does not have;"
                            + " use --to-version");
        }
        if (amount != null && toVersion != null) {
            throw new ParameterException(spec.commandLine(), "AMOUNT and --to-version are mutually exclusive");
        }
        for (ProjectSelection selection :
                ProjectSelection.resolve(env, project, spec).instances()) {
            String chosen = format != null
                    ? format
                    : selection.format("migrate", "down").orElse(null);
            downTo(selection, count, MigrateFormats.isJson(chosen, spec));
        }
        return 0;
    }

    private void downTo(ProjectSelection selection, int count, boolean json) {
        MigrationDir directory = dir.open(env, selection);
        // A broken directory is refused before the database is opened, as migrate apply refuses it.
        directory.validate();
        String url = target.url(selection, spec);
        String dev = selection.pick(devUrl, e -> e.dev()).orElseThrow(() -> Flags.missing(spec, "dev-url"));
        DownOptions options = new DownOptions(
                url,
                env.workingDirectory(),
                directory,
                dev,
                count,
                Optional.ofNullable(toVersion),
                dryRun,
                target.revisionsSchema(selection),
                locking.timeout(selection),
                selection.diffPolicy());
        DownReport report = new MigrateDown(options).run();
        if (json) {
            env.out().println(MigrateJson.down(DatabaseUrl.redactUrl(url), report));
        } else if (report.planned().isEmpty()) {
            env.out().println(NOTHING_TO_REVERT);
        } else {
            DownPrinter.print(env.out(), report);
        }
        env.out().flush();
        if (report.error().isPresent()) {
            throw new EngineFailure(report.error().get());
        }
    }

    private int amount() {
        return Flags.amount(spec, amount, 1, "revert");
    }
}
