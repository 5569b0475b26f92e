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
 */
final class FlywayDirReader implements DirReader {

    private static final String SEPARATOR = "__";
    private static final String SUFFIX = ".sql";

    /** A migration file found in the directory, before it is read. */
    private record Found(String name, char prefix, String version, String description) {}

    @Override
    public List<MigrationFile> read(DirFormat format, Path root, String display) {
        List<Found> versioned = new ArrayList<>();
        List<Found> baselines = new ArrayList<>();
        List<Found> repeatable = new ArrayList<>();
        for (String name : walk(root, display)) {
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

    // The .sql files of the directory and its non-hidden subdirectories, named by their path with / separators.
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
                    if (attributes.isRegularFile()
                            && file.getFileName().toString().endsWith(SUFFIX)) {
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
