package io.plumb.junit;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * {@code PlumbTests} is the entry point for running {@code *.test.hcl} schema and migration tests from a Jupiter
 * {@code @TestFactory}, with settings from the {@code plumb.test.*} and {@code plumb.update} system properties and
 * the nearest project file.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> schemaTests() {
 *     return PlumbTests.configure().schema("schema.sql").in(Path.of("src/test/db"));
 * }
 * }</pre>
 */
public final class PlumbTests {
    private PlumbTests() {}

    /** Returns the dynamic nodes of the test files under a directory; see {@link TestNodes#in(Path)}. */
    public static Stream<DynamicNode> in(Path directory) {
        return configure().in(directory);
    }

    /** Returns the dynamic nodes of the test files under a class-path directory; see {@link TestNodes#onClasspath}. */
    public static Stream<DynamicNode> onClasspath(String resourceDirectory) {
        return configure().onClasspath(resourceDirectory);
    }

    /** Returns settings from the system properties, to change before asking for nodes. */
    public static TestNodes configure() {
        return new TestNodes(
                TestParameters.from(key -> Optional.ofNullable(System.getProperty(key))),
                PlumbConfiguration.fromSystemProperties().update());
    }
}
