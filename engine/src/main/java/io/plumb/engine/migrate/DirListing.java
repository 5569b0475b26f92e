package io.plumb.engine.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** {@code DirListing} lists and reads the files of a migration directory for the {@link DirReader}s. */
final class DirListing {

    /** Orders names byte-wise on their UTF-8 encoding, as the reference tool orders file names. */
    static final Comparator<String> BYTE_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private DirListing() {}

    /** Returns the names of the directory's top-level regular files ending in a suffix, in byte-wise order. */
    static List<String> topLevel(Path root, String display, String suffix) {
        try (Stream<Path> listing = Files.list(root)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted(BYTE_ORDER)
                    .toList();
        } catch (IOException e) {
            throw new MigrateException("cannot list migration directory " + display + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a directory holding a migration its reader cannot run (a goose Go migration, a Liquibase XML
     * changelog), which running the other files without it would silently leave out.
     *
     * @param suffixes the endings of such files
     * @param migration whether a file of such an ending is a migration
     * @param detail what is wrong with such a file, after its name
     * @throws MigrationFileException {@code NAME:1:1: detail} for the first such file
     */
    static void refuse(Path root, String display, List<String> suffixes, Predicate<String> migration, String detail) {
        for (String suffix : suffixes) {
            for (String name : topLevel(root, display, suffix)) {
                if (migration.test(name)) {
                    throw new MigrationFileException(name, 1, 1, detail);
                }
            }
        }
    }

    /** Reads a file named relative to the directory. */
    static byte[] read(Path root, String display, String name) {
        try {
            return Files.readAllBytes(root.resolve(name));
        } catch (NoSuchFileException e) {
            throw new MigrateException("migration file " + display + "/" + name + " disappeared", e);
        } catch (IOException e) {
            throw new MigrateException("cannot read " + display + "/" + name + ": " + e.getMessage(), e);
        }
    }
}
