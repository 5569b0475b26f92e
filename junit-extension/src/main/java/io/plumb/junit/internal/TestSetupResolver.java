package io.plumb.junit.internal;

import io.plumb.engine.cache.SnapshotCache;
import io.plumb.engine.hcl.BlockNode;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.lint.LintConfig;
import io.plumb.engine.lint.LintConfigs;
import io.plumb.engine.project.Env;
import io.plumb.engine.project.MigrationSettings;
import io.plumb.engine.project.ProjectFile;
import io.plumb.engine.testing.TestSetup;
import io.plumb.junit.PlumbConfiguration;
import io.plumb.junit.TestParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code TestSetupResolver} decides what the test files of a directory run against: the dev database, the
 * desired schema and the migration directory.
 *
 * <p>The {@code plumb.test.*} parameters come first. Unless they name a desired schema or a migration directory
 * without naming an env, the nearest {@code atlas.hcl} or {@code plumb.hcl} in the test file's directory or above
 * fills in what they leave unset, from the env {@value PlumbConfiguration#TEST_ENV} names or from its only env;
 * relative paths then resolve against the project file's directory. Without a project file the dev database is
 * {@value PlumbConfiguration#DEFAULT_DEV_URL}.
 */
public final class TestSetupResolver {

    /** The names of project files, in the order they are looked for in each directory. */
    public static final List<String> PROJECT_FILES = List.of("atlas.hcl", "plumb.hcl");

    private final TestParameters parameters;
    private final Path workingDirectory;
    private final boolean update;
    private final Function<String, @Nullable String> getenv;
    private volatile boolean snapshotCache = true;

    /**
     * Creates a resolver.
     *
     * @param parameters the {@code plumb.test.*} parameters
     * @param workingDirectory where relative paths of the parameters resolve when no project file is used
     * @param update whether setups are in update mode
     * @param getenv the environment lookup; one instance, so that equal setups are equal records
     */
    public TestSetupResolver(
            TestParameters parameters,
            Path workingDirectory,
            boolean update,
            Function<String, @Nullable String> getenv) {
        this.parameters = parameters;
        this.workingDirectory = ScriptIdScheme.absolute(workingDirectory);
        this.update = update;
        this.getenv = getenv;
    }

    /** Returns the parameters the resolver starts from. */
    public TestParameters parameters() {
        return parameters;
    }

    /** Returns the environment lookup test files are evaluated with. */
    public Function<String, @Nullable String> getenv() {
        return getenv;
    }

    /**
     * Returns the setup of a test file.
     *
     * @throws TestSetupException when an env is named but no project file is found, or the project file has
     *     several envs and none is named
     * @throws RuntimeException when the project file does not load ({@code HclException}, {@code ProjectException})
     */
    public TestSetup resolve(Path testFile) {
        Path directory = ScriptIdScheme.absolute(testFile).getParent();
        if (parameters.setsSchemaOrDir() && parameters.env().isEmpty()) {
            return fromParameters();
        }
        Optional<Path> project = directory == null ? Optional.empty() : findProjectFile(directory);
        if (project.isPresent()) {
            return fromProject(project.get());
        }
        if (parameters.env().isPresent()) {
            throw new TestSetupException(PlumbConfiguration.TEST_ENV + " is \""
                    + parameters.env().get()
                    + "\" but there is no " + String.join(" or ", PROJECT_FILES) + " in "
                    + ScriptIdScheme.stablePath(directory == null ? workingDirectory : directory) + " or above");
        }
        return fromParameters();
    }

    /**
     * Returns the {@code lint {}} configuration of a test file: the lint block of the env its setup comes from,
     * extended by the project file's global one, or none when the setup comes from the parameters alone.
     *
     * @throws TestSetupException as {@link #resolve} does
     * @throws RuntimeException when the project file or its lint block does not load
     */
    public LintConfig lintConfig(Path testFile) {
        Path directory = ScriptIdScheme.absolute(testFile).getParent();
        if (parameters.setsSchemaOrDir() && parameters.env().isEmpty()) {
            return LintConfig.NONE;
        }
        Optional<Path> file = directory == null ? Optional.empty() : findProjectFile(directory);
        if (file.isEmpty()) {
            return LintConfig.NONE;
        }
        String display = ScriptIdScheme.stablePath(file.get());
        String envName = parameters.env().orElseGet(() -> onlyEnv(file.get(), display));
        ProjectFile project = ProjectFile.load(file.get(), display, parameters.variables(), getenv, envName);
        return LintConfigs.of(
                project.document(), Optional.of(project.envs(envName).get(0)));
    }

    /** Returns the nearest project file in a directory or its ancestors. */
    public static Optional<Path> findProjectFile(Path directory) {
        for (Path dir = ScriptIdScheme.absolute(directory); dir != null; dir = dir.getParent()) {
            for (String name : PROJECT_FILES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private TestSetup fromParameters() {
        TestSetup setup =
                TestSetup.of(parameters.devUrl().orElse(PlumbConfiguration.DEFAULT_DEV_URL), workingDirectory);
        if (!parameters.schema().isEmpty()) {
            setup = setup.withDesiredSchema(parameters.schema(), parameters.variables());
        }
        if (parameters.dir().isPresent()) {
            setup = setup.withMigrationDir(parameters.dir().get(), parameters.revisionsSchema());
        }
        return finish(setup);
    }

    private TestSetup fromProject(Path file) {
        String display = ScriptIdScheme.stablePath(file);
        String envName = parameters.env().orElseGet(() -> onlyEnv(file, display));
        ProjectFile project = ProjectFile.load(file, display, parameters.variables(), getenv, envName);
        Env env = project.envs(envName).get(0);
        MigrationSettings migration = MigrationSettings.of(env);
        Path base = ScriptIdScheme.absolute(file).getParent();
        TestSetup setup = TestSetup.of(
                parameters.devUrl().or(env::dev).orElse(PlumbConfiguration.DEFAULT_DEV_URL),
                base == null ? workingDirectory : base);
        List<String> schema = parameters.schema().isEmpty() ? env.src() : parameters.schema();
        if (!schema.isEmpty()) {
            Map<String, Value> variables = new LinkedHashMap<>(env.variables());
            variables.putAll(parameters.variables());
            setup = setup.withDesiredSchema(schema, variables);
        }
        Optional<String> dir = parameters.dir().or(migration::dirUrl);
        if (dir.isPresent()) {
            setup = setup.withMigrationDir(
                    dir.get(), parameters.revisionsSchema().or(migration::revisionsSchema));
        }
        return finish(setup);
    }

    /**
     * The configuration parameter that turns the snapshot cache of migration tests off ({@code false}); it is on by
     * default, in the directory {@code plumb cache info} prints.
     */
    public static final String CACHE_ENABLED = "plumb.cache.enabled";

    /** Sets whether migration tests use the snapshot cache across runs ({@value #CACHE_ENABLED}); on by default. */
    public TestSetupResolver withSnapshotCache(boolean enabled) {
        snapshotCache = enabled;
        return this;
    }

    private TestSetup finish(TestSetup setup) {
        TestSetup finished = setup.withUpdate(update).withGetenv(getenv);
        return snapshotCache ? finished.withCache(SnapshotCache.configured(getenv, System.err::println)) : finished;
    }

    // The names of the project's labelled env blocks, read without evaluating any env (as the reference evaluates
    // only the selected one); an unlabelled env is named by atlas.env, so it names no env of its own.
    private String onlyEnv(Path file, String display) {
        List<String> names = new ArrayList<>();
        for (BlockNode block : projectBlocks(file, display)) {
            if (block.type().equals("env")
                    && !block.labels().isEmpty()
                    && !names.contains(block.labels().get(0))) {
                names.add(block.labels().get(0));
            }
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        throw new TestSetupException(display
                + (names.isEmpty()
                        ? ": no env block to take the test setup from; add one, or set "
                                + PlumbConfiguration.TEST_SCHEMA + " or " + PlumbConfiguration.TEST_DIR
                        : ": found envs " + quoted(names) + "; set " + PlumbConfiguration.TEST_ENV
                                + " to the one the tests use"));
    }

    private static List<BlockNode> projectBlocks(Path file, String display) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TestSetupException(display + ": " + e.getMessage());
        }
        return Hcl.parse(display, text, file).body().blocks();
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(name -> "\"" + name + "\"").toList());
    }
}
