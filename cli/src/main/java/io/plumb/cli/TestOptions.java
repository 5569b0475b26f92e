package io.plumb.cli;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.project.Env;
import io.plumb.engine.testing.TestKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code TestOptions} are the flags {@code schema test} and {@code migrate test} share: the test files, the dev
 * database, which cases run, update mode and the reports.
 *
 * <p>Without paths, the selected env's {@code test} block names the files: {@code test { schema { src = [...]
 * vars = {...} } }}, and {@code migrate} likewise.
 */
final class TestOptions {

    @Parameters(paramLabel = "PATH", description = "Test files, or directories searched for *.test.hcl files.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--dev-url", paramLabel = "URL", description = "The dev database each case gets a copy of.")
    @Nullable
    String devUrl;

    @Option(names = "--run", paramLabel = "REGEXP", description = "Only the tests (and NAME/N cases) matching it.")
    @Nullable
    String run;

    @Option(
            names = {"-u", "--update"},
            description = "Rewrite the output attributes that do not match with what the commands printed.")
    boolean update;

    @Option(names = "--junit-report", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    @Nullable
    Path junitReport;

    @Option(names = "--verbose", description = "Also print how many migration snapshots were created and reused.")
    boolean verbose;

    /**
     * Refuses the reference tool's {@code -u URL} (its short {@code --url}), which here would turn on update mode
     * and take the URL for a test path; checked before anything else, so the hint is what a user sees.
     */
    void refuseUrlAfterUpdateFlag(CommandSpec spec) {
        if (!update) {
            return;
        }
        for (String path : paths) {
            if (path.contains("://")) {
                throw new ParameterException(
                        spec.commandLine(),
                        "-u is update mode in plumb; \"" + DatabaseUrl.redactUrl(path)
                                + "\" looks like a URL: use --url for the desired"
                                + " schema or --dir for the migration directory");
            }
        }
    }

    /** Returns the test files: the paths given, else the env's {@code test} block's {@code src}. */
    List<Path> files(CliEnvironment env, ProjectSelection selection, TestKind kind, CommandSpec spec) {
        List<String> chosen = paths;
        if (chosen.isEmpty()) {
            chosen = testBlock(selection, kind)
                    .map(block -> block.strings("src"))
                    .orElse(List.of());
        }
        if (chosen.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "no test files given: name files or directories, or set src in the env's test { " + kind.label()
                            + " { } } block");
        }
        return TestPaths.collect(
                env, chosen.stream().map(TestOptions::withoutFileScheme).toList());
    }

    /** Returns the test files' input variables: the env's {@code test} block's {@code vars}, then {@code --var}. */
    Map<String, Value> variables(ProjectSelection selection, TestKind kind, Map<String, Value> cli) {
        Map<String, Value> variables = new LinkedHashMap<>();
        testBlock(selection, kind).flatMap(block -> block.attribute("vars")).ifPresent(attribute -> {
            if (!(attribute.value() instanceof Value.ObjectValue object)) {
                throw new HclException(
                        attribute.pos(),
                        "attribute \"vars\" of " + kind.label() + ": expected an object of variables, found "
                                + attribute.value().kind());
            }
            variables.putAll(object.fields());
        });
        variables.putAll(cli);
        return variables;
    }

    /** Returns the dev database URL: the flag's, else the env's {@code dev}. */
    String devUrl(ProjectSelection selection, CommandSpec spec) {
        return selection
                .pick(devUrl, Env::dev)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--dev-url is required: each test case runs on a copy of it"));
    }

    /** Returns the session's output options. */
    TestSession.Options sessionOptions(CliEnvironment env) {
        return new TestSession.Options(verbose, Optional.ofNullable(junitReport).map(p -> env.resolve(p.toString())));
    }

    private static Optional<Resource> testBlock(ProjectSelection selection, TestKind kind) {
        return selection
                .env()
                .flatMap(e -> e.block().children("test").stream().findFirst())
                .flatMap(test -> test.children(kind.label()).stream().findFirst());
    }

    private static String withoutFileScheme(String path) {
        return path.startsWith("file://") ? path.substring("file://".length()) : path;
    }
}
