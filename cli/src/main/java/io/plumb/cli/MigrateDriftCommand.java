package io.plumb.cli;

import io.plumb.engine.drift.DriftCheck;
import io.plumb.engine.drift.DriftReport;
import io.plumb.engine.drift.ExpectedStates;
import io.plumb.engine.migrate.ExecOrder;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.source.SourceLoader;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateDriftCommand} is {@code plumb migrate drift}: it tells whether a database still holds the schema
 * its applied migration files give, changing nothing.
 */
@Command(
        name = "drift",
        header = "Report whether a database differs from the state its applied migrations give.",
        description = {
            "",
            "Reads the revisions table, replays the files up to the last applied version on the dev database,"
                    + " inspects the database and compares the two, leaving out the revisions table. Pending files"
                    + " are not drift. The check is read-only; it takes the lock migrate apply takes, so an apply in"
                    + " flight is waited for (--lock-timeout), not reported as drift.",
            "",
            "On drift it prints each diverged object, a unified diff of the HCL of the expected state against the"
                    + " database's, and the statements that bring the database back (marked when they may be"
                    + " destructive). --format json (or '{{ json . }}') prints one JSON object: status,"
                    + " current_version, latest_version, pending_files, expected_source, diverged, hcl_diff,"
                    + " fix_sql, destructive, error, unsupported.",
            "",
            DriftText.EXIT_CODES,
            ""
        })
final class MigrateDriftCommand implements Callable<Integer> {

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

    @Option(names = "--dev-url", paramLabel = "URL", description = "The dev database to replay the directory on.")
    @Nullable
    String devUrl;

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Option(
            names = "--exec-order",
            paramLabel = "ORDER",
            description = "linear (the default), linear-skip or non-linear, as migrate apply takes it.")
    @Nullable
    String execOrder;

    @Mixin
    LockOptions locking = new LockOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "json or '{{ json . }}' for a JSON report.")
    @Nullable
    String format;

    MigrateDriftCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        boolean json = MigrateFormats.isJson(format, spec);
        // One cache for the run: the instances of a for_each env at one version replay the directory once.
        ExpectedStates states = new ExpectedStates();
        int code = 0;
        for (ProjectSelection selection :
                ProjectSelection.resolve(env, project, spec).instances()) {
            MigrationDir directory = dir.open(env, selection);
            // A broken directory is refused before the database is opened, as migrate status does.
            directory.validate();
            String url = target.url(selection, spec);
            String dev = selection.pick(devUrl, e -> e.dev()).orElseThrow(() -> Flags.missing(spec, "dev-url"));
            DriftReport report = DriftCheck.builder(url)
                    .workingDirectory(env.workingDirectory())
                    .dir(directory)
                    .devUrl(dev)
                    .schemas(scope.schemas(selection))
                    .exclude(scope.exclude(selection))
                    .revisionsSchema(target.revisionsSchema(selection))
                    .diffPolicy(selection.diffPolicy())
                    .execOrder(execOrder(selection))
                    .lockTimeout(locking.timeout(selection))
                    .expectedStates(states)
                    .sourceLoader(new SourceLoader(
                            env.workingDirectory(), selection.schemaVariables(), ProjectSelection.getenv(env)))
                    .build()
                    .migrate();
            report.actual().unsupportedWarning().ifPresent(env.err()::println);
            DriftText.print(env.out(), report, json, true);
            code = Math.max(code, DriftText.exitCode(report));
        }
        return code;
    }

    private ExecOrder execOrder(ProjectSelection selection) {
        String order = execOrder != null
                ? execOrder
                : selection.migration().execOrder().orElse("linear");
        try {
            return ExecOrder.parse(order);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
        }
    }
}
