package io.plumb.cli;

import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationTemplate;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code MigrationFileWriter} adds a new, dated migration file to a directory for {@code migrate new} and {@code
 * migrate diff}: it never replaces a file, lets the user edit the new one when asked, and re-hashes the directory.
 */
final class MigrationFileWriter {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    private final CliEnvironment env;

    MigrationFileWriter(CliEnvironment env) {
        this.env = env;
    }

    /**
     * Returns the name of a new file, {@code yyyyMMddHHmmss[_name].sql} (UTC now).
     *
     * @throws MigrateException when the name is not a plain file name
     */
    String fileName(String name) {
        return MigrationTemplate.fileName(env.clock().instant(), name);
    }

    /**
     * Writes a new file with the given text and re-hashes the directory. A file written in the same second as an
     * existing one (or dated before the newest) is dated one second after the newest, so versions stay unique and
     * in order.
     */
    MigrationFile write(MigrationDir dir, String requested, String text, boolean edit) {
        String fileName = laterThanExisting(dir, new MigrationFile(requested, new byte[0]));
        MigrationFile written = dir.add(fileName, text);
        if (edit) {
            Path path = dir.path().resolve(fileName);
            try {
                Editor.open(env, path, dir.display() + "/" + fileName);
            } finally {
                // Whatever the editor left, the directory stays consistent with its sum file.
                dir.rehash();
            }
        }
        return written;
    }

    private static String laterThanExisting(MigrationDir dir, MigrationFile planned) {
        Optional<Instant> plannedAt = dated(planned.version());
        Optional<Instant> newest = dir.files().stream()
                .map(f -> dated(f.version()))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
        if (plannedAt.isEmpty() || newest.isEmpty() || plannedAt.get().isAfter(newest.get())) {
            return planned.name();
        }
        return MigrationTemplate.fileName(newest.get().plusSeconds(1), planned.description());
    }

    private static Optional<Instant> dated(String version) {
        try {
            return Optional.of(LocalDateTime.parse(version, VERSION).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
