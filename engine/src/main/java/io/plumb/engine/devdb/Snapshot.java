package io.plumb.engine.devdb;

/** A {@code Snapshot} is the saved state of an isolated database, which {@link Isolation#clone} copies. */
public interface Snapshot extends AutoCloseable {

    /** Drops the snapshot. */
    @Override
    void close();
}
