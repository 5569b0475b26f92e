package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import java.nio.file.Path;

/** A {@code SqliteIsolatedDatabase} is a database file a {@link SqliteIsolation} handed out. */
final class SqliteIsolatedDatabase implements IsolatedDatabase {

    private final Database database;
    private final String url;
    private final Path file;
    private final SqliteIsolation owner;

    SqliteIsolatedDatabase(Database database, String url, Path file, SqliteIsolation owner) {
        this.database = database;
        this.url = url;
        this.file = file;
        this.owner = owner;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public String url() {
        return url;
    }

    /** Returns the database's file. */
    Path file() {
        return file;
    }

    @Override
    public void close() {
        database.close();
        owner.release(this, file);
    }
}
