package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.ExecOrder;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import io.plumb.engine.migrate.TxMode;
import io.plumb.engine.project.MigrationSettings;
import java.time.Duration;
import java.util.List;
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
 * A {@code MigrateApplyCommand} is {@code plumb migrate apply}: it runs the pending files of a migration directory
 * against a database, recording each in the revisions table, and prints the run in the reference layout.
 */
@Command(
        name = "apply",
        header = "Apply pending migration files to a database.",
        description = {
            "",
            "Checks the directory against atlas.sum, takes the migration lock, and runs the files the database has"
                    + " not applied, each in its own transaction by default. A file that fails part-way without a"
                    + " transaction (--tx-mode none) resumes at the failed statement on the next run.",
            "",
            "A run killed at any moment resumes without running a statement twice: each statement is recorded in"
                    + " the same transaction, or, where it cannot be (MySQL DDL, CREATE INDEX CONCURRENTLY), marked"
                    + " in flight with a fingerprint of the schema that the next run compares. A statement whose"
                    + " effect cannot be verified (CALL on MySQL, CREATE DATABASE on PostgreSQL) makes the next run"
                    + " refuse, naming it, until the file is finished by hand and recorded with migrate set.",
            ""
        })
final class MigrateApplyCommand implements Callable<Integer> {

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

    @Parameters(index = "0", arity = "0..1", paramLabel = "AMOUNT", description = "Apply at most this many files.")
    @Nullable
    String amount;

    @Option(names = "--dry-run", description = "Print the statements without running them (checks still run).")
    boolean dryRun;

    @Option(names = "--baseline", paramLabel = "VERSION", description = "The version a database without history has.")
    @Nullable
    String baseline;

    @Option(names = "--allow-dirty", description = "Allow a database without history to hold tables.")
    boolean allowDirty;

    @Option(
            names = "--tx-mode",
            paramLabel = "MODE",
            description = "file (one transaction per file, the default), all (one for the run) or none.")
    String txMode = "file";

    @Option(
            names = "--exec-order",
            paramLabel = "ORDER",
            description = "linear (the default), linear-skip or non-linear: what to do with files added out of order.")
    @Nullable
    String execOrder;

    @Mixin
    LockOptions locking = new LockOptions();

    @Option(
            names = {"--format", "--log"},
            paramLabel = "FORMAT",
            description = "A Go template for the report: '{{ json . }}' for JSON, or such as"
                    + " '{{ range .Applied }}{{ println .Version }}{{ end }}'.")
    @Nullable
    String format;

    MigrateApplyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<ProjectSelection> instances =
                ProjectSelection.resolve(env, project, spec).instances();
        for (int i = 0; i < instances.size(); i++) {
            applyTo(instances.get(i), i == instances.size() - 1);
        }
        return 0;
    }

    private void applyTo(ProjectSelection selection, boolean last) {
        Optional<ReportTemplate> template = ReportTemplate.parse(
                selection.pick(format, e -> ReportTemplate.fromEnv(e, "apply")).orElse(null), spec);
        ApplyOptions options = options(selection);
        MigrationDir directory = dir.open(env, selection);
        // A broken directory is refused before the database is opened (SQLite would create a missing file), and
        // before a missing --url is reported, in the reference's order.
        directory.validate();
        String url = target.url(selection, spec);
        try (Database db = Database.open(url, env.workingDirectory())) {
            ApplyListener listener = template.isPresent() ? new ApplyListener() {} : new ApplyPrinter(env.out());
            ApplyReport report = new Migrator(db, directory, options).apply(listener);
            boolean nothing = report.pending().isEmpty();
            if (template.isPresent()) {
                MigrateJson.Target where = new MigrateJson.Target(
                        MigrateFormats.driver(db), db.url().toString(), dir.url(selection));
                Optional<String> message = nothing ? Optional.of(ApplyPrinter.NOTHING_PENDING) : Optional.empty();
                MigrateFormats.print(env.out(), template.get(), MigrateJson.apply(where, report, message), last);
            } else if (nothing) {
                env.out().println(ApplyPrinter.NOTHING_PENDING);
            }
            if (report.error().isPresent()) {
                throw new EngineFailure(report.error().get());
            }
        }
    }

    private ApplyOptions options(ProjectSelection selection) {
        MigrationSettings settings = selection.migration();
        Optional<String> baselineVersion = selection.pick(baseline, e -> settings.baseline());
        if (baselineVersion.isPresent() && allowDirty) {
            throw new ParameterException(spec.commandLine(), "--baseline and --allow-dirty are mutually exclusive");
        }
        Duration timeout = locking.timeout(selection);
        return new ApplyOptions(
                baselineVersion,
                allowDirty,
                parse(() -> ExecOrder.parse(
                        execOrder != null ? execOrder : settings.execOrder().orElse("linear"))),
                parse(() -> TxMode.parse(txMode)),
                dryRun,
                amount(),
                timeout,
                target.revisionsSchema(selection),
                MigrateFormats.operatorVersion());
    }

    private int amount() {
        return Flags.amount(spec, amount, 0, "apply");
    }

    private <T> T parse(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
        }
    }
}
