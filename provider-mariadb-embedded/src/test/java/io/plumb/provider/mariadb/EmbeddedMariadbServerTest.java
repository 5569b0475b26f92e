package io.plumb.provider.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.provider.EmbeddedRoot;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedMariadbServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"11.4", "10.11", "10.2"})
    void aStartedServerLetsRootInWithItsPasswordOnly(String version) throws SQLException {
        URI url = URI.create(new EmbeddedMariadbProvider().start("mariadb", version, "embedded://mariadb/" + version));
        String password = url.getUserInfo().substring("root:".length());
        assertThat(url.getUserInfo()).startsWith("root:");
        assertThat(url.getHost()).isEqualTo("localhost");

        try (Connection connection = connect(url.getPort(), "root", password);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT VERSION()")) {
            rows.next();
            assertThat(rows.getString(1)).startsWith(version + ".");
        }
        assertThat(charsets(url.getPort(), password))
                .as("the server's charset and collation, a new schema's, and a table's that names only the charset")
                .isEqualTo(
                        version.equals("11.4")
                                ? "utf8mb4 utf8mb4_uca1400_ai_ci utf8mb4_uca1400_ai_ci utf8mb4_uca1400_ai_ci"
                                : "utf8mb4 utf8mb4_general_ci utf8mb4_general_ci utf8mb4_general_ci");
        assertThatThrownBy(() -> connect(url.getPort(), "root", password + "x").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied for user 'root'");
        assertThatThrownBy(() -> connect(url.getPort(), "root", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied for user 'root'");
        // The installed anonymous accounts are gone: another name without a password is not let in either.
        assertThatThrownBy(() -> connect(url.getPort(), "nobody", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied for user 'nobody'");

        Path data = EmbeddedRoot.directory().resolve("mariadb-" + version);
        assertThat(data.resolve("plumb-init.sql"))
                .as("the file that gave root its password is deleted once the server runs")
                .doesNotExist();
        assertThat(data.resolve(MariadbProcess.LOG)).content().contains(MariadbProcess.READY);
    }

    // As MariaDB's packages for the version configure it: the collation a schema and a table that names the
    // charset alone get follow the server's.
    private static String charsets(int port, String password) throws SQLException {
        try (Connection connection = connect(port, "root", password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE charsets_probe");
            try {
                statement.execute("CREATE TABLE charsets_probe.t (c varchar(10)) CHARSET utf8mb4");
                try (ResultSet rows = statement.executeQuery("SELECT @@character_set_server, @@collation_server,"
                        + " (SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA"
                        + " WHERE SCHEMA_NAME = 'charsets_probe'),"
                        + " (SELECT TABLE_COLLATION FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = 'charsets_probe' AND TABLE_NAME = 't')")) {
                    rows.next();
                    return rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4);
                }
            } finally {
                statement.execute("DROP DATABASE charsets_probe");
            }
        }
    }

    static Connection connect(int port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/", user, password);
    }
}
