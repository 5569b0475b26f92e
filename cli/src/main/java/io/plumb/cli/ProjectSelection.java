package io.plumb.cli;

import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.lint.LintConfig;
import io.plumb.engine.lint.LintConfigs;
import io.plumb.engine.project.Env;
import io.plumb.engine.project.MigrationSettings;
import io.plumb.engine.project.ProjectException;
import io.plumb.engine.project.ProjectFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A {@code ProjectSelection} is what {@code --config}, {@code --env} and {@code --var} select: the environment
 * whose settings fill the flags a user did not set, and the input variables of schema files.
 *
 * <p>A flag set on the command line always wins over the environment's value.
 */
final class ProjectSelection {

    private static final String ENV_SCHEME = "env://";

    private final Optional<ProjectFile> project;
    private final List<Env> envs;
    private final Map<String, Value> cliVariables;

    private ProjectSelection(Optional<ProjectFile> project, List<Env> envs, Map<String, Value> cliVariables) {
        this.project = project;
        this.envs = envs;
        this.cliVariables = cliVariables;
    }

    /** Loads the project file when {@code --config} or {@code --env} asks for it, and selects the environment. */
    static ProjectSelection resolve(CliEnvironment cli, ProjectOptions options, CommandSpec spec) {
        Map<String, Value> variables = variables(options.vars, spec);
        if (options.config == null && options.env == null) {
            return new ProjectSelection(Optional.empty(), List.of(), variables);
        }
        String display = configPath(cli, options.config, spec);
        String envName = options.env == null ? "" : options.env;
        ProjectFile project = ProjectFile.load(cli.resolve(display), display, variables, getenv(cli), envName);
        List<Env> envs = options.env == null ? List.of() : project.envs(options.env);
        return new ProjectSelection(Optional.of(project), envs, variables);
    }

    private static String configPath(CliEnvironment cli, @Nullable String config, CommandSpec spec) {
        if (config == null) {
            boolean atlas = Files.exists(cli.resolve("atlas.hcl"));
            return !atlas && Files.exists(cli.resolve("plumb.hcl")) ? "plumb.hcl" : "atlas.hcl";
        }
        // The reference's words: a path without a scheme gets the file:// URL it probably meant.
        int scheme = config.indexOf("://");
        if (scheme < 0) {
            throw new ParameterException(
                    spec.commandLine(), "missing scheme for config file. Did you mean file://" + config + "?");
        }
        if (!config.startsWith("file://")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unsupported config file driver \"" + config.substring(0, scheme)
                            + "\": expected a file:// URL, such as file://atlas.hcl");
        }
        return config.substring("file://".length());
    }

    /** Returns the environment lookup HCL's {@code getenv} uses. */
    static Function<String, @Nullable String> getenv(CliEnvironment cli) {
        return name -> cli.getenv(name).orElse(null);
    }

    /**
     * Returns the one selected environment instance, or empty when none is selected.
     *
     * @throws ProjectException when the environment has several instances ({@code for_each})
     */
    Optional<Env> env() {
        if (envs.size() > 1) {
            throw new ProjectException("multi-environment \"" + envs.get(0).name() + "\" is not supported");
        }
        return envs.stream().findFirst();
    }

    /**
     * Returns one selection per instance of the selected environment, for commands that run once per instance
     * ({@code for_each}); a selection of one instance or none is returned as it is.
     */
    List<ProjectSelection> instances() {
        if (envs.size() <= 1) {
            return List.of(this);
        }
        return envs.stream()
                .map(e -> new ProjectSelection(project, List.of(e), cliVariables))
                .toList();
    }

    /** Returns the project's {@code lint} configuration: the selected env's block extended by the global one. */
    LintConfig lint() {
        return project.map(p -> LintConfigs.of(p.document(), env())).orElse(LintConfig.NONE);
    }

    /** Returns the selected environment's {@code migration} block, or no settings. */
    MigrationSettings migration() {
        return env().map(MigrationSettings::of).orElse(MigrationSettings.none());
    }

    /** Returns the flag's value when set, else the environment's; {@code env://attr} values are resolved. */
    Optional<String> pick(@Nullable String flag, Function<Env, Optional<String>> fromEnv) {
        if (flag != null) {
            List<String> resolved = resolveEnvReference(flag);
            if (resolved.size() != 1) {
                throw new ProjectException(flag + " must name one value, found " + resolved.size());
            }
            return Optional.of(resolved.get(0));
        }
        return env().flatMap(fromEnv);
    }

    /** Returns the list flag's values when set (CSV-split), else the environment's. */
    List<String> pickList(List<String> flag, Function<Env, List<String>> fromEnv) {
        if (!flag.isEmpty()) {
            List<String> values = new ArrayList<>();
            ListValues.split(flag).forEach(value -> values.addAll(resolveEnvReference(value)));
            return values;
        }
        return env().map(fromEnv).orElse(List.of());
    }

    /**
     * Resolves the reference tool's {@code env://} scheme: {@code env://url}, {@code env://dev}, {@code env://src}
     * or {@code env://ATTR} stand for that attribute of the selected environment; other values stand for
     * themselves.
     */
    private List<String> resolveEnvReference(String value) {
        if (!value.startsWith(ENV_SCHEME)) {
            return List.of(value);
        }
        String attribute = value.substring(ENV_SCHEME.length());
        Env selected = env().orElseThrow(() ->
                new ProjectException("cannot resolve " + value + ": no environment selected (use --env)"));
        List<String> values =
                switch (attribute) {
                    case "url" -> selected.url().map(List::of).orElse(List.of());
                    case "dev" -> selected.dev().map(List::of).orElse(List.of());
                    case "src", "schema.src" -> selected.src();
                    default -> selected.variables().containsKey(attribute)
                            ? strings(selected.variables().get(attribute))
                            : List.of();
                };
        if (values.isEmpty()) {
            throw new ProjectException("cannot resolve " + value + ": env \"" + selected.name()
                    + "\" has no attribute \"" + attribute + "\"");
        }
        return values;
    }

    private static List<String> strings(Value value) {
        if (value instanceof Value.Str s) {
            return List.of(s.value());
        }
        if (value instanceof Value.ListValue list) {
            return list.elements().stream()
                    .filter(Value.Str.class::isInstance)
                    .map(e -> ((Value.Str) e).value())
                    .toList();
        }
        return List.of();
    }

    /** Returns the {@code --var} values. */
    Map<String, Value> cliVariables() {
        return cliVariables;
    }

    /** Returns the input variables of schema files: the env's attributes over the {@code --var} values. */
    Map<String, Value> schemaVariables() {
        Map<String, Value> merged = new LinkedHashMap<>(cliVariables);
        env().ifPresent(e -> merged.putAll(e.variables()));
        return merged;
    }

    /**
     * Returns the selected env's output format for a command, as {@code format { schema { apply = "..." } }} sets it
     * ({@code group} {@code schema} or {@code migrate}, {@code command} {@code apply}, {@code diff}, ...), or the older
     * {@code log { ... }} block.
     *
     * @throws HclException when the value is not a string
     */
    Optional<String> format(String group, String command) {
        return env().flatMap(e -> formatOf(e, group, command));
    }

    /** Returns an env's output format for a command, as {@link #format(String, String)} does for the selected env. */
    static Optional<String> formatOf(Env env, String group, String command) {
        // The reference reads the block "log" as "format" too, for backward compatibility.
        return java.util.stream.Stream.concat(
                        env.block().children("format").stream(), env.block().children("log").stream())
                .flatMap(f -> f.children(group).stream())
                .flatMap(g -> g.attribute(command).stream())
                .findFirst()
                .map(attribute -> {
                    if (attribute.value() instanceof Value.Str s) {
                        return s.value();
                    }
                    throw new HclException(
                            attribute.pos(),
                            "format " + group + " \"" + command + "\": expected a string, found "
                                    + attribute.value().kind());
                });
    }

    /** Returns the diff policy: the env's, else the project's global one, else none. */
    DiffPolicy diffPolicy() {
        return env().map(Env::diff)
                .or(() -> project.map(ProjectFile::globalDiff))
                .orElse(DiffPolicy.none());
    }

    private static Map<String, Value> variables(List<String> vars, CommandSpec spec) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : ListValues.split(vars)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--var expects KEY=VALUE, found \"" + pair + "\"");
            }
            values.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                    .add(pair.substring(eq + 1));
        }
        Map<String, Value> variables = new LinkedHashMap<>();
        values.forEach((key, list) -> variables.put(
                key,
                list.size() == 1
                        ? new Value.Str(list.get(0))
                        : new Value.ListValue(
                                list.stream().<Value>map(Value.Str::new).toList())));
        return variables;
    }
}
