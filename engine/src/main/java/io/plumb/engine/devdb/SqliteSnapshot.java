package io.plumb.engine.devdb;

/**
 * A {@code SqliteSnapshot} is the image of a SQLite database (the bytes of its file, as SQLite serializes it), held
 * in memory, which clones and restores load again.
 */
final class SqliteSnapshot implements Snapshot {

    private final byte[] image;
    private final SqliteIsolation owner;

    SqliteSnapshot(byte[] image, SqliteIsolation owner) {
        this.image = image;
        this.owner = owner;
    }

    /** Returns the image; callers never modify it. */
    byte[] image() {
        return image;
    }

    @Override
    public void close() {
        owner.release(this);
    }
}
