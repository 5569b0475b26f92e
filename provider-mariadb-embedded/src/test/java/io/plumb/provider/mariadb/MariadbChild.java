package io.plumb.provider.mariadb;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child JVM of {@link ChildJvmTest}: starts the embedded MariaDB, prints its URL and its server's pid, and then
 * returns from {@code main} (as a user's program would, without {@code System.exit}) or, given {@code wait}, sleeps
 * until it is killed.
 */
public final class MariadbChild {

    private MariadbChild() {}

    public static void main(String[] args) throws SQLException, java.io.IOException, InterruptedException {
        URI url = URI.create(new EmbeddedMariadbProvider().start("mariadb", "11.4", "embedded://mariadb/11.4"));
        String pid;
        try (Connection connection = EmbeddedMariadbServerTest.connect(
                        url.getPort(), "root", url.getUserInfo().substring("root:".length()));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@pid_file")) {
            rows.next();
            pid = Files.readString(Path.of(rows.getString(1))).strip();
        }
        System.out.println(url);
        System.out.println(pid);
        System.out.flush();
        if (args.length > 0 && args[0].equals("wait")) {
            Thread.sleep(120_000);
        }
    }
}
