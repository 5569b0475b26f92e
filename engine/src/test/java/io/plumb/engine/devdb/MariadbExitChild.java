package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child JVM of {@link MariadbProgramExitTest}: starts the embedded MariaDB, uses it, prints its URL and its server
 * process's pid, and returns from {@code main} without {@code System.exit}, as a library user's program would.
 */
public final class MariadbExitChild {

    private MariadbExitChild() {}

    public static void main(String[] args) throws SQLException, java.io.IOException {
        String url = EmbeddedServers.mariadb();
        String pid;
        try (Database db = Database.open(url, Path.of("."));
                Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@pid_file")) {
            rows.next();
            pid = Files.readString(Path.of(rows.getString(1))).strip();
        }
        System.out.println(url);
        System.out.println(pid);
        System.out.flush();
    }
}
