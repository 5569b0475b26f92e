package io.plumb.engine.cache;

/**
 * A {@code MigrationSnapshotKey} is what the {@link SnapshotCache} keeps the image of a migrated dev database under:
 * an empty database migrated through a prefix of a migration directory. It names everything the image depends on,
 * so that an entry is only ever read for the same state: the prefix's files (their running hash), the directory's
 * format, where and by whom the revisions were recorded, and the dev database's image format (the SQLite library
 * and the connection parameters). Migration tests and {@code @PlumbDatabase} share the scheme, and so the entries of
 * a prefix migrated the same way.
 *
 * @param imageFormat the isolation's image format ({@code Isolation#imageFormat()})
 * @param directoryFormat the directory's format id ({@code atlas}, {@code flyway}, ...)
 * @param revisionsSchema the revisions schema asked for, or empty
 * @param operator what the revisions record as their operator
 * @param lastFile the name of the prefix's last file
 * @param prefixHash the prefix's running hash ({@code io.plumb.engine.migrate.PrefixHash})
 */
public record MigrationSnapshotKey(
        String imageFormat,
        String directoryFormat,
        String revisionsSchema,
        String operator,
        String lastFile,
        String prefixHash) {

    /** The version of the keys' meaning: raise it when what a snapshot holds changes. */
    static final int FORMAT = 2;

    /** Returns the key as the cache stores it. */
    public String text() {
        return "plumb migration snapshot, cache format " + FORMAT
                + "\ndev: " + imageFormat
                + "\ndirectory format: " + directoryFormat
                + "\nrevisions schema: " + revisionsSchema
                + "\noperator: " + operator
                + "\nprefix: " + lastFile + " " + prefixHash;
    }
}
