package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;

/** An {@code IsolatedDatabase} is a database an {@link Isolation} handed out; closing it drops it. */
public interface IsolatedDatabase extends AutoCloseable {

    /** Returns the open database. */
    Database database();

    /** Returns a URL other programs can reach the database with, such as a test's {@code testing.dev_url}. */
    String url();

    /**
     * Makes the database's state reachable through {@link #url()} by other programs and connections. A database of
     * an {@link Isolation#openInMemory in-memory} isolation lives in this JVM's memory until then, and in its file
     * afterwards; for every other database this does nothing.
     */
    default void share() {}

    /** Closes the connection and drops the database. */
    @Override
    void close();
}
