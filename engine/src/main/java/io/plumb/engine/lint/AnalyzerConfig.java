package io.plumb.engine.lint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AnalyzerConfig} is one analyzer's block in {@code lint {}} of {@code atlas.hcl}, such as {@code
 * destructive { error = false }} or {@code naming { match = "^[a-z_]+$" index { match = "_idx$" } }}.
 *
 * @param name the analyzer's name, the block's type
 * @param error the {@code error} attribute, when set
 * @param attributes the other attributes, as strings ({@code "true"} for a bool)
 * @param blocks the nested blocks by type, such as naming's {@code index}
 */
public record AnalyzerConfig(
        String name, Optional<Boolean> error, Map<String, String> attributes, Map<String, AnalyzerConfig> blocks) {

    public AnalyzerConfig {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        blocks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** Returns the configuration of an analyzer that is not configured. */
    public static AnalyzerConfig empty(String name) {
        return new AnalyzerConfig(name, Optional.empty(), Map.of(), Map.of());
    }

    /** Returns an attribute. */
    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** Returns a boolean attribute, or the fallback when it is not set. */
    public boolean flag(String key, boolean fallback) {
        return attribute(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** Returns a nested block. */
    public Optional<AnalyzerConfig> block(String type) {
        return Optional.ofNullable(blocks.get(type));
    }
}
