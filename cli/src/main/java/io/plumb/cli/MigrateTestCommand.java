package io.plumb.cli;

import io.plumb.engine.testing.TestKind;
import io.plumb.engine.testing.TestSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateTestCommand} is {@code plumb migrate test}: it runs the {@code test "migrate"} blocks of test
 * files, each case on its own empty dev database that its {@code migrate} blocks migrate with the directory.
 */
@Command(
        name = "test",
        header = "Run migration tests (test \"migrate\" blocks of *.test.hcl files).",
        description = {
            "",
            "Each case starts from an empty copy of the dev database; migrate { to = VERSION } applies the directory"
                    + " up to that version, pre-migration checks included. A prefix of the directory is applied once"
                    + " per run: later cases start from a snapshot of it. On SQLite the snapshots are also kept in a"
                    + " cache across runs (plumb cache info), so that a second run of an unchanged directory replays"
                    + " nothing. Prints -- PASS/FAIL/SKIP per case, then PASS or FAIL; exits 1 when a case failed.",
            ""
        })
final class MigrateTestCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    TestOptions test = new TestOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Option(names = "--revisions-schema", paramLabel = "NAME", description = "The schema of the revisions table.")
    @Nullable
    String revisionsSchema;

    @Option(
            names = "--no-cache",
            description = "Neither read nor write the snapshot cache (SQLite dev databases), so that every prefix is"
                    + " migrated in this run; see plumb cache info.")
    boolean noCache;

    MigrateTestCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        test.refuseUrlAfterUpdateFlag(spec);
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String devUrl = test.devUrl(selection, spec);
        List<Path> files = test.files(env, selection, TestKind.MIGRATE, spec);
        // A broken directory is refused before any case runs.
        dir.open(env, selection).validate();
        TestSetup setup = TestSetup.of(devUrl, env.workingDirectory())
                .withMigrationDir(dir.url(selection), selection.pick(revisionsSchema, e -> selection
                        .migration()
                        .revisionsSchema()))
                .withUpdate(test.update)
                .withGetenv(ProjectSelection.getenv(env))
                .withCache(noCache ? Optional.empty() : CacheClearCommand.configured(env));
        TestSession session = new TestSession(env, TestKind.MIGRATE, CaseFilter.of(test.run, spec));
        return session.run(
                files,
                test.variables(selection, TestKind.MIGRATE, selection.cliVariables()),
                setup,
                test.sessionOptions(env));
    }
}
