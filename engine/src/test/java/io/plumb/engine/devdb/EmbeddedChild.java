package io.plumb.engine.devdb;

/** The child JVM of {@link EmbeddedKillTest}: starts the embedded PostgreSQL, prints its URL, and waits to be killed. */
public final class EmbeddedChild {

    private EmbeddedChild() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println(EmbeddedServers.postgres());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
