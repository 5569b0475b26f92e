package io.plumb.cli;

import io.plumb.engine.testing.TestKind;
import io.plumb.engine.testing.TestSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A {@code SchemaTestCommand} is {@code plumb schema test}: it runs the {@code test "schema"} blocks of test files,
 * each case on its own dev database holding the desired schema.
 */
@Command(
        name = "test",
        header = "Run schema tests (test \"schema\" blocks of *.test.hcl files).",
        description = {
            "",
            "Each case starts from the desired schema (--url, or the env's src), created on a fresh copy of the dev"
                    + " database. Prints -- PASS/FAIL/SKIP per case, then PASS or FAIL; exits 1 when a case failed.",
            ""
        })
final class SchemaTestCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    TestOptions test = new TestOptions();

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The desired schema: files, directories or a database (comma-separated).")
    List<String> urls = new ArrayList<>();

    SchemaTestCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        test.refuseUrlAfterUpdateFlag(spec);
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String devUrl = test.devUrl(selection, spec);
        List<Path> files = test.files(env, selection, TestKind.SCHEMA, spec);
        List<String> desired = selection.pickList(urls, e -> e.src());
        if (desired.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "--url is required: the desired schema each case starts from");
        }
        TestSetup setup = TestSetup.of(devUrl, env.workingDirectory())
                .withDesiredSchema(desired, selection.schemaVariables())
                .withUpdate(test.update)
                .withGetenv(ProjectSelection.getenv(env));
        TestSession session = new TestSession(env, TestKind.SCHEMA, CaseFilter.of(test.run, spec));
        return session.run(
                files,
                test.variables(selection, TestKind.SCHEMA, selection.cliVariables()),
                setup,
                test.sessionOptions(env));
    }
}
