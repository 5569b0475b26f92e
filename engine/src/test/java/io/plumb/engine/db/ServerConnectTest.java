package io.plumb.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.plumb.engine.devdb.DockerServers;
import io.plumb.engine.devdb.EmbeddedServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerConnectTest {

    private static final Path CWD = Path.of(".");

    @Test
    void aPortThatIsNotANumberIsAnInvalidUrl() {
        assertThatThrownBy(() -> Database.open("postgres://u:secret@h:notaport/", CWD))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage("invalid URL \"postgres://u:xxxxx@h:notaport/\": the port is not a number between 1 and"
                        + " 65535");
    }

    @Test
    void urlsParseUserHostPortAndBoundness() {
        DatabaseUrl maria = DatabaseUrl.parse("maria://root:pass@:3306/app");
        assertThat(maria.host()).isEmpty();
        assertThat(maria.port()).isEqualTo(3306);
        assertThat(maria.path()).isEqualTo("app");
        assertThat(maria.toString()).isEqualTo("maria://root:xxxxx@:3306/app");
    }

    @Test
    void aWrongPostgresPasswordIsOneLineWithoutThePassword() {
        DatabaseUrl server = DatabaseUrl.parse(EmbeddedServers.postgres());
        String wrong = server.original().replace(server.password().orElseThrow(), "wrongsecret");
        assertThatThrownBy(() -> Database.open(wrong, CWD))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to postgres://postgres:xxxxx@localhost:")
                .hasMessageEndingWith(": password authentication failed for user \"postgres\"")
                .hasMessageNotContaining("wrongsecret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aWrongMariadbPasswordIsOneLineWithoutThePassword() {
        DatabaseUrl server = DatabaseUrl.parse(EmbeddedServers.mariadb());
        String wrong = server.original().replace(server.password().orElseThrow(), "wrongsecret");
        assertThatThrownBy(() -> Database.open(wrong, CWD))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to mariadb://root:xxxxx@localhost:")
                .hasMessageContaining(": Access denied for user 'root'@")
                .hasMessageNotContaining("wrongsecret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> Database.open("postgres://u:secret@localhost:" + port + "/db", CWD))
                .hasMessage("cannot connect to postgres://u:xxxxx@localhost:" + port + "/db: connection refused");
        assertThatThrownBy(() -> Database.open("mysql://u:secret@localhost:" + port + "/db", CWD))
                .hasMessage("cannot connect to mysql://u:xxxxx@localhost:" + port + "/db: connection refused");
    }

    @Test
    void aDockerUrlWithoutADockerEngineSaysSo() {
        assumeFalse(DockerServers.dockerAvailable(), "docker: a Docker engine is reachable here");
        assertThatThrownBy(() -> Database.open("docker://postgres/15/dev", CWD))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("docker://postgres/15/dev: no Docker engine is reachable (");
    }

    // The reference reads the user-info up to the last @ of the authority; unencoded / ? # % : stay in the password.
    private static final String SPECIAL = "S3cr@et/PW#?%:x";

    @Test
    void aPostgresPasswordWithReservedCharactersConnectsInEveryForm() throws SQLException {
        DatabaseUrl server = DatabaseUrl.parse(EmbeddedServers.postgres());
        try (Database admin = Database.open(server, CWD);
                Statement statement = admin.connection().createStatement()) {
            statement.execute("DROP ROLE IF EXISTS plumb_special");
            statement.execute("CREATE ROLE plumb_special LOGIN PASSWORD '" + SPECIAL + "'");
        }
        String at = server.host() + ":" + server.port() + "/postgres";
        for (String url : List.of(
                "postgres://plumb_special:" + SPECIAL + "@" + at + "?sslmode=disable",
                "postgres://plumb_special:" + encode(SPECIAL) + "@" + at + "?sslmode=disable",
                "postgres://plumb_special@" + at + "?password=" + encode(SPECIAL) + "&sslmode=disable",
                "postgres://" + at + "?sslmode=disable&user=plumb_special&password=" + encode(SPECIAL))) {
            try (Database db = Database.open(url, CWD)) {
                assertThat(db.url().toString()).as(url).doesNotContain("S3cr").doesNotContain("PW");
            }
        }
    }

    @Test
    void aMariadbPasswordWithReservedCharactersConnectsInEveryForm() throws SQLException {
        DatabaseUrl server = DatabaseUrl.parse(EmbeddedServers.mariadb());
        try (Database admin = Database.open(server, CWD);
                Statement statement = admin.connection().createStatement()) {
            statement.execute("DROP USER IF EXISTS 'plumb_special'@'%'");
            statement.execute("CREATE USER 'plumb_special'@'%' IDENTIFIED BY '" + SPECIAL + "'");
        }
        String at = server.host() + ":" + server.port() + "/";
        for (String url : List.of(
                "mariadb://plumb_special:" + SPECIAL + "@" + at,
                "mariadb://plumb_special:" + encode(SPECIAL) + "@" + at,
                "mysql://" + at + "?user=plumb_special&password=" + encode(SPECIAL))) {
            try (Database db = Database.open(url, CWD)) {
                assertThat(db.url().toString()).as(url).doesNotContain("S3cr").doesNotContain("PW");
            }
        }
    }

    @Test
    void anOutOfRangePortIsAnInvalidUrlWithoutDriverLogs() {
        assertThatThrownBy(() -> Database.open("postgres://u:secret@127.0.0.1:99999/db", CWD))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage(
                        "invalid URL \"postgres://u:xxxxx@127.0.0.1:99999/db\": port 99999 is out of range, expected 1"
                                + " to 65535");
        DriverLogs.silence();
        assertThat(java.util.logging.Logger.getLogger("org.postgresql").isLoggable(java.util.logging.Level.SEVERE))
                .isFalse();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
