package io.plumb.engine.devdb;

import java.nio.file.Path;

/** A {@code SqliteSnapshot} is a compacted copy of a SQLite database file, which clones copy again. */
final class SqliteSnapshot implements Snapshot {

    private final Path file;
    private final SqliteIsolation owner;

    SqliteSnapshot(Path file, SqliteIsolation owner) {
        this.file = file;
        this.owner = owner;
    }

    /** Returns the snapshot's file. */
    Path file() {
        return file;
    }

    @Override
    public void close() {
        owner.release(this, file);
    }
}
