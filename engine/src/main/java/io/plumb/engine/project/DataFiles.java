package io.plumb.engine.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code DataFiles} is the directory where data sources put what they produce for other commands to read as files:
 * an {@code external_schema}'s SQL, a rendered {@code template_dir}. It is made once per process, under the
 * system's temporary directory, and deleted when the process exits.
 */
final class DataFiles {

    private static @Nullable Path root;

    private DataFiles() {}

    /** Returns a new, empty directory for one data block, named after it. */
    static synchronized Path directory(String type, String name) {
        try {
            Path parent = root();
            Path dir = parent.resolve(type).resolve(safe(name));
            int attempt = 1;
            while (Files.exists(dir)) {
                dir = parent.resolve(type).resolve(safe(name) + "-" + ++attempt);
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating a directory for data \"" + type + "\" \"" + name + "\"", e);
        }
    }

    private static Path root() throws IOException {
        if (root == null) {
            Path created = Files.createTempDirectory("plumb-data-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created)));
            root = created;
        }
        return root;
    }

    private static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the directory is under the system's temporary directory.
        }
    }
}
