package io.plumb.engine.migrate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code FlywayDirReader} reads a Flyway directory as the reference tool does: the {@code .sql} files of the
 * directory and its non-hidden subdirectories, named by their path ({@code v3/V3_1__add_posts.sql}); the newest
 * baseline file {@code B<version>__<desc>.sql} with the versioned files {@code V<version>__<desc>.sql} newer than
 * it, in version order; then the repeatable files {@code R__<desc>.sql} in description order. Undo files ({@code
 * U<version>__<desc>.sql}) do not run up and are not read.
 *
 * <p>A name that starts with {@code V}, {@code B} or {@code U} and goes on with a digit or holds {@code __} must
 * carry a valid version, and no two versioned (or baseline) files may share one; other files are not migrations, as
 * in Flyway. Versions are written with dots ({@code V1_1} has version {@code 1.1}); see {@link FlywayVersion} for
 * repeatable files' versions.
 *
 * <p>What Flyway would run and Plumb cannot is refused at its name rather than left out while the rest runs: Java
 * and script migrations ({@code V2__Backfill.java}, {@code .class}, {@code V3__x.sh}, ...), SQL callbacks ({@code
 * afterMigrate.sql}, {@code beforeEachMigrate__x.sql}, ...) and per-script configuration ({@code V1__x.sql.conf}).
 * Placeholders ({@code ${tablePrefix}}) are replaced as the directory URL configures them ({@link Placeholders}).
 */
final class FlywayDirReader implements DirReader {

    private static final String SEPARATOR = "__";
    private static final String SUFFIX = ".sql";

    // Flyway's Java-based migrations (sources, as a directory of a source tree holds them, and classes) and its script
    // migrations: Flyway runs them in version order with the SQL files.
    private static final Set<String> JAVA_MIGRATIONS = Set.of(".java", ".kt", ".groovy", ".scala", ".class");
    private static final Set<String> SCRIPT_MIGRATIONS = Set.of(".sh", ".bash", ".ps1", ".bat", ".cmd", ".py");

    // The events of Flyway's SQL callbacks (NAME.sql or NAME__description.sql), which Flyway runs around its commands.
    private static final Set<String> CALLBACKS = Set.of(
            "beforeMigrate",
            "beforeRepeatables",
            "beforeEachMigrate",
            "beforeEachMigrateStatement",
            "afterEachMigrateStatement",
            "afterEachMigrateStatementError",
            "afterEachMigrate",
            "afterEachMigrateError",
            "afterMigrate",
            "afterMigrateApplied",
            "afterVersioned",
            "afterMigrateError",
            "beforeClean",
            "afterClean",
            "afterCleanError",
            "beforeUndo",
            "beforeEachUndo",
            "beforeEachUndoStatement",
            "afterEachUndoStatement",
            "afterEachUndoStatementError",
            "afterEachUndo",
            "afterEachUndoError",
            "afterUndo",
            "afterUndoError",
            "beforeValidate",
            "afterValidate",
            "afterValidateError",
            "beforeBaseline",
            "afterBaseline",
            "afterBaselineError",
            "beforeRepair",
            "afterRepair",
            "afterRepairError",
            "beforeInfo",
            "afterInfo",
            "afterInfoError",
            "createSchema",
            "beforeCreateSchema",
            "beforeConnect",
            "afterConnect");

    /** A migration file found in the directory, before it is read. */
    private record Found(String name, char prefix, String version, String description) {}

    @Override
    public List<MigrationFile> read(DirFormat format, Path root, String display) {
        List<Found> versioned = new ArrayList<>();
        List<Found> baselines = new ArrayList<>();
        List<Found> repeatable = new ArrayList<>();
        for (String name : walk(root, display)) {
            refuseUnrunnable(name);
            if (!name.endsWith(SUFFIX)) {
                continue;
            }
            classify(name).ifPresent(found -> {
                switch (found.prefix()) {
                    case 'V' -> versioned.add(found);
                    case 'B' -> baselines.add(found);
                    case 'R' -> repeatable.add(found);
                    default -> {
                        // U: undo files do not run up.
                    }
                }
            });
        }
        requireDistinct(versioned);
        requireDistinct(baselines);
        Comparator<Found> byVersion = (a, b) -> FlywayVersion.compare(a.version(), b.version());
        versioned.sort(byVersion);
        baselines.sort(byVersion);
        List<Found> run = new ArrayList<>();
        if (!baselines.isEmpty()) {
            Found baseline = baselines.get(baselines.size() - 1);
            run.add(baseline);
            versioned.removeIf(v -> byVersion.compare(v, baseline) <= 0);
        }
        run.addAll(versioned);
        repeatable.sort(Comparator.comparing(Found::description).thenComparing(Found::name, DirListing.BYTE_ORDER));
        String last = run.isEmpty() ? "0" : run.get(run.size() - 1).version();
        List<MigrationFile> files = new ArrayList<>();
        for (Found found : run) {
            files.add(file(format, root, display, found, found.version()));
        }
        int width = String.valueOf(repeatable.size()).length();
        for (int i = 0; i < repeatable.size(); i++) {
            String index = repeatable.size() == 1 ? "" : String.format("%0" + width + "d", i + 1);
            files.add(file(format, root, display, repeatable.get(i), last + "r" + index));
        }
        return files;
    }

    @Override
    public int compareVersions(String a, String b) {
        return FlywayVersion.compare(a, b);
    }

    // A Java, script or callback file Flyway would run: refused, since running the directory without it would not
    // be what Flyway runs.
    private static void refuseUnrunnable(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.endsWith(SUFFIX + ".conf") && isMigrationName(base.substring(0, base.length() - ".conf".length()))) {
            throw new MigrationFileException(
                    name,
                    1,
                    1,
                    "Flyway script configuration: Flyway reads it for "
                            + base.substring(0, base.length() - ".conf".length())
                            + " (executeInTransaction, encoding, placeholderReplacement), plumb does not; running the"
                            + " file without it may not be what Flyway runs");
        }
        int dot = base.lastIndexOf('.');
        String suffix = dot < 0 ? "" : base.substring(dot);
        String stem = dot < 0 ? base : base.substring(0, dot);
        if (suffix.equals(SUFFIX)) {
            int separator = stem.indexOf(SEPARATOR);
            String event = separator < 0 ? stem : stem.substring(0, separator);
            if (CALLBACKS.contains(event)) {
                throw new MigrationFileException(
                        name,
                        1,
                        1,
                        "Flyway SQL callback " + event + ": Flyway runs it around its commands, plumb runs migrations"
                                + " only; move it out of the migration directory");
            }
            return;
        }
        boolean java = JAVA_MIGRATIONS.contains(suffix);
        if ((java || SCRIPT_MIGRATIONS.contains(suffix)) && isMigrationName(stem)) {
            throw new MigrationFileException(
                    name,
                    1,
                    1,
                    "Flyway " + (java ? "Java-based" : "script") + " migration: plumb runs the SQL migrations of a"
                            + " Flyway directory only, and running them without this one would leave it out");
        }
    }

    // Whether a name without its suffix is one Flyway takes for a migration; a malformed version is not.
    private static boolean isMigrationName(String stem) {
        try {
            return classify(stem + SUFFIX).isPresent();
        } catch (MigrationFileException e) {
            return false;
        }
    }

    private static MigrationFile file(DirFormat format, Path root, String display, Found found, String version) {
        return new MigrationFile(
                found.name(), DirListing.read(root, display, found.name()), format, version, found.description());
    }

    // A migration file's parts, or empty for a file Flyway does not take for a migration.
    private static Optional<Found> classify(String name) {
        int slash = name.lastIndexOf('/');
        String base = name.substring(slash + 1);
        if (base.length() <= SUFFIX.length()) {
            return Optional.empty();
        }
        char prefix = base.charAt(0);
        String stem = base.substring(1, base.length() - SUFFIX.length());
        int separator = stem.indexOf(SEPARATOR);
        String description = separator < 0 ? "" : stem.substring(separator + SEPARATOR.length());
        if (prefix == 'R') {
            return separator == 0 ? Optional.of(new Found(name, prefix, "", description)) : Optional.empty();
        }
        if (prefix != 'V' && prefix != 'B' && prefix != 'U') {
            return Optional.empty();
        }
        if (separator < 0 && !Character.isDigit(stem.isEmpty() ? 'x' : stem.charAt(0))) {
            return Optional.empty();
        }
        String version = separator < 0 ? stem : stem.substring(0, separator);
        if (!FlywayVersion.NAMED.matcher(version).matches()) {
            throw new MigrationFileException(
                    name,
                    1,
                    1,
                    "invalid Flyway version \"" + version + "\": expected " + prefix
                            + "<version>__<description>.sql with numbers separated by . or _ (V1__init.sql,"
                            + " V1.1__add_users.sql)");
        }
        return Optional.of(new Found(name, prefix, version.replace('_', '.'), description));
    }

    private static void requireDistinct(List<Found> files) {
        Map<FlywayVersion, Found> seen = new HashMap<>();
        for (Found found : files) {
            FlywayVersion version = FlywayVersion.parse(found.version()).orElseThrow();
            Found other = seen.putIfAbsent(version, found);
            if (other != null) {
                throw new MigrationFileException(
                        found.name(),
                        1,
                        1,
                        "duplicate Flyway version " + found.version() + ": " + other.name() + " has it too");
            }
        }
    }

    // The files of the directory and its non-hidden subdirectories, named by their path with / separators.
    private static List<String> walk(Path root, String display) {
        List<String> names = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    Path name = dir.getFileName();
                    boolean hidden =
                            !dir.equals(root) && name != null && name.toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        List<String> parts = new ArrayList<>();
                        root.relativize(file).forEach(p -> parts.add(p.toString()));
                        names.add(String.join("/", parts));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new MigrateException("cannot list migration directory " + display + ": " + e.getMessage(), e);
        }
        names.sort(DirListing.BYTE_ORDER);
        return names;
    }
}
