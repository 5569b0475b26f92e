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
    @ValueSource(strings = {"11.4", "10.11"})
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

    static Connection connect(int port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/", user, password);
    }
}
