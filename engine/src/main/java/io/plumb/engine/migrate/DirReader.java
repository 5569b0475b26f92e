package io.plumb.engine.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A {@code DirReader} reads the migration files of one {@link DirFormat}. */
interface DirReader {

    /**
     * Reads the migration files of a directory in the order they run.
     *
     * @param format the format the files are tagged with
     * @param root the directory
     * @param display the directory as the user named it, for messages
     * @throws MigrateException when the directory cannot be read or a file's name is malformed
     */
    List<MigrationFile> read(DirFormat format, Path root, String display);

    /** Compares two versions; by default as strings, as the reference tool does. */
    default int compareVersions(String a, String b) {
        return a.compareTo(b);
    }

    /**
     * Returns the script of a file whose format delimits the part that runs up, or empty when the whole file is
     * plain SQL, read as an atlas file is.
     *
     * @throws MigrationFileException when the file's sections are malformed
     */
    default Optional<MigrationScript> script(MigrationFile file, ScannerOptions options) {
        return Optional.empty();
    }
}
