package io.plumb.cli;

import io.plumb.engine.drift.DriftCheck;
import io.plumb.engine.drift.DriftReport;
import io.plumb.engine.source.SourceLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code SchemaDriftCommand} is {@code plumb schema drift}: it tells whether a database differs from a desired
 * schema, changing nothing.
 */
@Command(
        name = "drift",
        header = "Report whether a database differs from a desired schema.",
        description = {
            "",
            "Compares the database (--url) with the desired state (--to: HCL or SQL files or directories, or a"
                    + " database URL), leaving out the revisions table of versioned migrations. On drift it prints"
                    + " each diverged object, a unified diff of the HCL of the desired state against the database's,"
                    + " and the statements that bring the database back (marked when they may be destructive)."
                    + " --format json prints the JSON object migrate drift prints, without versions.",
            "",
            DriftText.EXIT_CODES,
            ""
        })
final class SchemaDriftCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(
            names = {"-u", "--url"},
            paramLabel = "URL",
            description = "The database to check.")
    @Nullable
    String url;

    @Option(names = "--to", paramLabel = "URL", description = "The desired state (comma-separated sources).")
    List<String> to = new ArrayList<>();

    @Option(names = "--dev-url", paramLabel = "URL", description = "A dev database to load the desired state on.")
    @Nullable
    String devUrl;

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Mixin
    LockOptions locking = new LockOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "json or '{{ json . }}' for a JSON report.")
    @Nullable
    String format;

    SchemaDriftCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        boolean json = MigrateFormats.isJson(format, spec);
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String target = selection.pick(url, e -> e.url()).orElseThrow(() -> Flags.missing(spec, "url"));
        List<String> desired = selection.pickList(to, e -> e.src());
        if (desired.isEmpty()) {
            throw Flags.missing(spec, "to");
        }
        DriftCheck.Builder builder = DriftCheck.builder(target)
                .workingDirectory(env.workingDirectory())
                .schemas(scope.schemas(selection))
                .exclude(scope.exclude(selection))
                .diffPolicy(selection.diffPolicy())
                .lockTimeout(locking.timeout(selection))
                .sourceLoader(new SourceLoader(
                        env.workingDirectory(), selection.schemaVariables(), ProjectSelection.getenv(env)));
        selection.pick(devUrl, e -> e.dev()).ifPresent(builder::devUrl);
        DriftReport report = builder.build().schema(desired);
        report.actual().unsupportedWarning().ifPresent(env.err()::println);
        DriftText.print(env.out(), report, json, false);
        return DriftText.exitCode(report);
    }
}
