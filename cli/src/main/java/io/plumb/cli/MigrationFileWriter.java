package io.plumb.cli;

import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationTemplate;
import java.nio.file.Path;

/**
 * A {@code MigrationFileWriter} adds a new, dated migration file to a directory for {@code migrate new} and {@code
 * migrate diff}: it never replaces a file, lets the user edit the new one when asked, and re-hashes the directory.
 */
final class MigrationFileWriter {

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
     * Writes a new file with the given text and re-hashes the directory.
     *
     * @throws MigrateException when the directory already has a file of the same version
     */
    MigrationFile write(MigrationDir dir, String fileName, String text, boolean edit) {
        MigrationFile planned = new MigrationFile(fileName, new byte[0]);
        // Versions must be unique, and two files written within one second share theirs.
        for (MigrationFile existing : dir.files()) {
            if (existing.version().equals(planned.version())) {
                throw new MigrateException("migration version " + planned.version() + " already exists in "
                        + dir.display() + " (" + existing.name() + "): wait a second before writing " + fileName);
            }
        }
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
}
