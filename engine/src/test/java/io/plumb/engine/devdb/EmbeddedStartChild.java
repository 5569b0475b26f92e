package io.plumb.engine.devdb;

/** The child JVM of {@link EmbeddedStartKillTest}: starts the embedded PostgreSQL and is killed while it does. */
public final class EmbeddedStartChild {

    private EmbeddedStartChild() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedServers.postgres();
        Thread.sleep(120_000);
    }
}
