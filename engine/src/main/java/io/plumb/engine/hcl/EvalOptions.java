package io.plumb.engine.hcl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code EvalOptions} are the inputs of {@link HclEvaluator#evaluate}: variable values, where {@code file()} looks,
 * how {@code getenv()} reads the environment, and extra names bound at the root (such as {@code atlas}).
 *
 * @param variables input variable values; CLI {@code --var} values arrive as strings, repeated keys as lists
 * @param baseDir the directory {@code file()} resolves against when the evaluated file has no path
 * @param env the environment lookup for {@code getenv()}
 * @param roots extra root names, such as {@code atlas = {env = "dev"}} in project files
 * @param dataSources how {@code data} blocks resolve; {@link DataSources#NONE} outside project files
 * @param scopedEnums bare words an attribute accepts as strings, keyed {@code BLOCK_TYPE.ATTRIBUTE} (a project's
 *     {@code migration { format = atlas }}); empty outside project files
 */
public record EvalOptions(
        Map<String, Value> variables,
        Path baseDir,
        Function<String, @Nullable String> env,
        Map<String, Value> roots,
        DataSources dataSources,
        Map<String, Set<String>> scopedEnums) {

    public EvalOptions {
        variables = Map.copyOf(variables);
        roots = Map.copyOf(roots);
        scopedEnums = Map.copyOf(scopedEnums);
    }

    /** Creates options whose {@code data} blocks are errors. */
    public EvalOptions(
            Map<String, Value> variables,
            Path baseDir,
            Function<String, @Nullable String> env,
            Map<String, Value> roots) {
        this(variables, baseDir, env, roots, DataSources.NONE, Map.of());
    }

    /** Returns options without variables or roots, resolving files against the working directory and reading the real environment. */
    public static EvalOptions defaults() {
        return new EvalOptions(Map.of(), Path.of(""), System::getenv, Map.of());
    }

    /** Returns a copy with these input variables. */
    public EvalOptions withVariables(Map<String, Value> newVariables) {
        return new EvalOptions(newVariables, baseDir, env, roots, dataSources, scopedEnums);
    }

    /** Returns a copy resolving {@code file()} against this directory. */
    public EvalOptions withBaseDir(Path newBaseDir) {
        return new EvalOptions(variables, newBaseDir, env, roots, dataSources, scopedEnums);
    }

    /** Returns a copy reading the environment through this lookup. */
    public EvalOptions withEnv(Function<String, @Nullable String> newEnv) {
        return new EvalOptions(variables, baseDir, newEnv, roots, dataSources, scopedEnums);
    }

    /** Returns a copy binding these extra root names. */
    public EvalOptions withRoots(Map<String, Value> newRoots) {
        return new EvalOptions(variables, baseDir, env, newRoots, dataSources, scopedEnums);
    }

    /** Returns a copy resolving {@code data} blocks through these sources. */
    public EvalOptions withDataSources(DataSources newDataSources) {
        return new EvalOptions(variables, baseDir, env, roots, newDataSources, scopedEnums);
    }

    /** Returns a copy accepting these bare words as strings in the keyed attributes. */
    public EvalOptions withScopedEnums(Map<String, Set<String>> newScopedEnums) {
        return new EvalOptions(variables, baseDir, env, roots, dataSources, newScopedEnums);
    }
}
