package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;

/** An {@code IsolatedDatabase} is a database an {@link Isolation} handed out; closing it drops it. */
public interface IsolatedDatabase extends AutoCloseable {

    /** Returns the open database. */
    Database database();

    /** Returns a URL other programs can reach the database with, such as a test's {@code testing.dev_url}. */
    String url();

    /** Closes the connection and drops the database. */
    @Override
    void close();
}
