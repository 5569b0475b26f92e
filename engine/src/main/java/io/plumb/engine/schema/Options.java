package io.plumb.engine.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies dialect option maps so that the model stays immutable and keeps declaration order. */
final class Options {

    private Options() {}

    static Map<String, String> copy(Map<String, String> options) {
        return options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
