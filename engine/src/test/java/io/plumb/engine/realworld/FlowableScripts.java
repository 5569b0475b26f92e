package io.plumb.engine.realworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code FlowableScripts} are the SQL scripts the Flowable engine jars ship for one database, as the build unpacked
 * them under {@code target/flowable/<version>/} (see the engine pom) from the engine jar and, for the current
 * version, the common jar: the create scripts of the base and of the current version, and the current jars'
 * upgrade steps that lead from the base onwards.
 *
 * @param root the directory holding one unpacked directory per version
 * @param database Flowable's name for the database: {@code postgres} or {@code mysql}
 * @param baseVersion the jar whose create scripts the upgrade path starts from, such as {@code 6.0.0}
 * @param currentVersion the jar whose upgrade steps are applied and whose create scripts are current
 */
record FlowableScripts(Path root, String database, String baseVersion, String currentVersion) {

    /** A script under a name that says what it is, such as {@code upgrade_6005_to_6010_engine}. */
    record Script(String name, String sql) {}

    // Flowable creates and upgrades the shared tables first, then the engine's, then the history's.
    private static final List<String> COMPONENTS = List.of("common", "engine", "history");
    private static final Pattern STEP =
            Pattern.compile("flowable\\.([a-z0-9]+)\\.upgradestep\\.(\\d+)\\.to\\.(\\d+)\\.([a-z]+)\\.sql");
    private static final Pattern SCHEMA_VERSION = Pattern.compile("'schema\\.version',\\s*'([0-9.]+)'");

    /** Returns the scripts of a database as the build's Surefire configuration locates them. */
    static FlowableScripts of(String database) {
        return new FlowableScripts(
                Path.of(System.getProperty("plumb.flowable.scripts", "target/flowable")),
                database,
                System.getProperty("plumb.flowable.base.version", "6.0.0"),
                System.getProperty("plumb.flowable.version", "7.1.0"));
    }

    /**
     * Returns the create scripts of a jar version in the order Flowable runs them: the tables shared with its other
     * engines ({@code common}, a separate jar since 6.3), then the engine's, then the history's.
     */
    List<Script> create(String version) {
        return COMPONENTS.stream()
                .map(c -> dir(version, c, "create").resolve("flowable." + database + ".create." + c + ".sql"))
                .filter(Files::exists)
                .map(file -> new Script("create_" + component(file), read(file)))
                .toList();
    }

    /**
     * Returns the base's create scripts followed by the current jar's upgrade steps from the base's schema version
     * on, in version order. Steps to Camunda ({@code cam}) targets are another product's path and are left out.
     */
    List<Script> upgradePath() {
        List<Script> path = new ArrayList<>(create(baseVersion));
        if (path.isEmpty()) {
            throw new IllegalStateException("no " + database + " create scripts of flowable " + baseVersion + " under "
                    + root + ": expected the build's generate-test-resources phase to unpack them");
        }
        String from = digits(schemaVersion(path.stream().map(Script::sql).reduce("", String::concat)));
        for (Step step : steps()) {
            if (step.from().compareTo(from) >= 0) {
                path.add(new Script(
                        "upgrade_" + step.from() + "_to_" + step.to() + "_" + step.component(), read(step.file())));
            }
        }
        return path;
    }

    /** Returns the schema version a create script records, such as {@code 6.0.0.5}. */
    static String schemaVersion(String createSql) {
        Matcher m = SCHEMA_VERSION.matcher(createSql);
        if (!m.find()) {
            throw new IllegalStateException("no schema.version in create script:\n" + createSql);
        }
        return m.group(1);
    }

    private record Step(String from, String to, String component, Path file) {}

    // Versions are digits without dots ("6005" is 6.0.0.5); within one major version of four digits, text order is
    // version order. Older (5.x) steps have other lengths and lie before any base this test uses, so they are
    // dropped, as are components other than engine and history.
    private List<Step> steps() {
        return COMPONENTS.stream()
                .map(c -> dir(currentVersion, c, "upgrade"))
                .distinct()
                .flatMap(dir -> list(dir).stream())
                .map(this::step)
                .flatMap(Stream::ofNullable)
                .sorted(Comparator.comparing(Step::from).thenComparing(s -> COMPONENTS.indexOf(s.component())))
                .toList();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private @Nullable Step step(Path file) {
        Matcher m = STEP.matcher(file.getFileName().toString());
        if (!m.matches()
                || !(m.group(1).equals(database) || m.group(1).equals("all"))
                || m.group(2).length() != 4
                || m.group(3).length() != 4
                || !COMPONENTS.contains(m.group(4))) {
            return null;
        }
        return new Step(m.group(2), m.group(3), m.group(4), file);
    }

    // The shared tables' scripts live under the common jar's package.
    private Path dir(String version, String component, String kind) {
        return root.resolve(version)
                .resolve(component.equals("common") ? "org/flowable/common/db" : "org/flowable/db")
                .resolve(kind);
    }

    private static String component(Path createScript) {
        String name = createScript.getFileName().toString();
        return name.substring(name.lastIndexOf(".create.") + ".create.".length(), name.length() - ".sql".length());
    }

    private static String digits(String version) {
        return version.replace(".", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " (run the build's generate-test-resources phase)", e);
        }
    }
}
