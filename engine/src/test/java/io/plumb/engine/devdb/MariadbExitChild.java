package io.plumb.engine.devdb;

/**
 * The child JVM of {@link ProgramEndWatchTest}: starts the embedded MariaDB, prints its URL, and returns from
 * {@code main} without {@code System.exit}, as a library user's program would.
 */
public final class MariadbExitChild {

    private MariadbExitChild() {}

    public static void main(String[] args) {
        System.out.println(EmbeddedServers.mariadb());
        System.out.flush();
    }
}
