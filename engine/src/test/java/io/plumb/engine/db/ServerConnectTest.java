package io.plumb.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.plumb.engine.devdb.DockerServers;
import io.plumb.engine.devdb.EmbeddedServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
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
}
