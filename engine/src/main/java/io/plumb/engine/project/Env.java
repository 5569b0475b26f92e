package io.plumb.engine.project;

import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code Env} is one instance of an {@code env} block of a project file: where the target and dev databases
 * are, what the desired state is, and which policies apply.
 *
 * @param name the environment's name
 * @param url the target database URL
 * @param dev the dev database URL
 * @param src the desired state: URLs, with plain paths made {@code file://} URLs relative to the project file
 * @param schemas the schemas to manage
 * @param exclude the exclusion globs
 * @param diff the diff policy (the env's own, or the global one)
 * @param variables the env's other attributes, which are input variables of the schema files it loads
 * @param block the evaluated block, for settings later features read ({@code migration}, {@code lint})
 * @param pos where the block starts
 */
public record Env(
        String name,
        Optional<String> url,
        Optional<String> dev,
        List<String> src,
        List<String> schemas,
        List<String> exclude,
        DiffPolicy diff,
        Map<String, Value> variables,
        Resource block,
        Pos pos) {

    public Env {
        src = List.copyOf(src);
        schemas = List.copyOf(schemas);
        exclude = List.copyOf(exclude);
        variables = Map.copyOf(variables);
    }
}
