package io.plumb.junit;

import io.plumb.engine.hcl.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code TestParameters} are the {@code plumb.test.*} settings that say what {@code *.test.hcl} files run against:
 * each one set here overrides what a project file's env says (see the module README).
 *
 * @param env the env of the project file to use ({@value PlumbConfiguration#TEST_ENV})
 * @param devUrl the dev database URL ({@value PlumbConfiguration#TEST_DEV_URL})
 * @param schema the desired schema's sources ({@value PlumbConfiguration#TEST_SCHEMA})
 * @param dir the migration directory URL ({@value PlumbConfiguration#TEST_DIR})
 * @param revisionsSchema the schema of the revisions table ({@value PlumbConfiguration#TEST_REVISIONS_SCHEMA})
 * @param vars input variables of test files and the desired schema ({@value PlumbConfiguration#TEST_VARS})
 */
public record TestParameters(
        Optional<String> env,
        Optional<String> devUrl,
        List<String> schema,
        Optional<String> dir,
        Optional<String> revisionsSchema,
        Map<String, String> vars) {

    public TestParameters {
        schema = List.copyOf(schema);
        vars = Map.copyOf(vars);
    }

    /** Returns parameters that set nothing. */
    public static TestParameters none() {
        return new TestParameters(
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * Reads the parameters through a lookup of configuration keys; blank values count as unset.
     *
     * @throws IllegalArgumentException when {@value PlumbConfiguration#TEST_VARS} is not a list of {@code k=v}
     */
    public static TestParameters from(Function<String, Optional<String>> lookup) {
        return new TestParameters(
                text(lookup, PlumbConfiguration.TEST_ENV),
                text(lookup, PlumbConfiguration.TEST_DEV_URL),
                text(lookup, PlumbConfiguration.TEST_SCHEMA)
                        .map(TestParameters::list)
                        .orElse(List.of()),
                text(lookup, PlumbConfiguration.TEST_DIR),
                text(lookup, PlumbConfiguration.TEST_REVISIONS_SCHEMA),
                text(lookup, PlumbConfiguration.TEST_VARS)
                        .map(TestParameters::pairs)
                        .orElse(Map.of()));
    }

    /** Returns whether the parameters alone say what schema tests or migration tests start from. */
    public boolean setsSchemaOrDir() {
        return !schema.isEmpty() || dir.isPresent();
    }

    /** Returns the variables as HCL string values. */
    public Map<String, Value> variables() {
        Map<String, Value> values = new LinkedHashMap<>();
        vars.forEach((name, value) -> values.put(name, new Value.Str(value)));
        return values;
    }

    /** Returns these parameters with the env set. */
    public TestParameters withEnv(String name) {
        return new TestParameters(Optional.of(name), devUrl, schema, dir, revisionsSchema, vars);
    }

    /** Returns these parameters with the dev database URL set. */
    public TestParameters withDevUrl(String url) {
        return new TestParameters(env, Optional.of(url), schema, dir, revisionsSchema, vars);
    }

    /** Returns these parameters with the desired schema's sources set. */
    public TestParameters withSchema(List<String> sources) {
        return new TestParameters(env, devUrl, sources, dir, revisionsSchema, vars);
    }

    /** Returns these parameters with the migration directory URL set. */
    public TestParameters withDir(String url) {
        return new TestParameters(env, devUrl, schema, Optional.of(url), revisionsSchema, vars);
    }

    /** Returns these parameters with the schema of the revisions table set. */
    public TestParameters withRevisionsSchema(String name) {
        return new TestParameters(env, devUrl, schema, dir, Optional.of(name), vars);
    }

    /** Returns these parameters with the input variables set. */
    public TestParameters withVars(Map<String, String> values) {
        return new TestParameters(env, devUrl, schema, dir, revisionsSchema, values);
    }

    private static Optional<String> text(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static Map<String, String> pairs(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (String pair : list(value)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                bad.add(pair);
            } else {
                pairs.put(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(PlumbConfiguration.TEST_VARS
                    + ": expected name=value pairs separated by commas, found \"" + bad.get(0) + "\"");
        }
        return pairs;
    }
}
