package io.plumb.engine.dialect;

import java.util.List;

/**
 * {@code InspectOptions} say what to inspect.
 *
 * @param schemas the schemas to inspect; empty for all
 */
public record InspectOptions(List<String> schemas) {

    public InspectOptions {
        schemas = List.copyOf(schemas);
    }

    /** Returns options that inspect every schema. */
    public static InspectOptions all() {
        return new InspectOptions(List.of());
    }
}
