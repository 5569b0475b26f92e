package io.plumb.junit;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * {@code Scripts} is the entry point for running txtar scripts from a Jupiter {@code @TestFactory}, with settings
 * taken from the {@code plumb.*} system properties of {@link PlumbConfiguration}.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scripts() {
 *     return Scripts.onClasspath("testdata/scripts");
 * }
 * }</pre>
 */
public final class Scripts {
    private Scripts() {}

    /** Returns the dynamic nodes of the scripts under a directory; see {@link ScriptNodes#in(Path)}. */
    public static Stream<DynamicNode> in(Path directory) {
        return configure().in(directory);
    }

    /** Returns the dynamic nodes of the scripts under a class-path directory; see {@link ScriptNodes#onClasspath}. */
    public static Stream<DynamicNode> onClasspath(String resourceDirectory) {
        return configure().onClasspath(resourceDirectory);
    }

    /** Returns settings from the system properties, to change before asking for nodes. */
    public static ScriptNodes configure() {
        return new ScriptNodes(PlumbConfiguration.fromSystemProperties().toRunnerOptions());
    }
}
