package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.devdb.EmbeddedServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerUrlErrorsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void migrations() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
    }

    @Test
    void aWrongPostgresPasswordIsOneLineWithoutThePassword() {
        DatabaseUrl server = DatabaseUrl.parse(EmbeddedServers.postgres());
        String wrong = server.original().replace(server.password().orElseThrow(), "wrongsecret");

        CliRun run = CliRun.of(dir, dir, "migrate", "status", "-u", wrong);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .contains("cannot connect to postgres://postgres:xxxxx@localhost:")
                .contains("password authentication failed for user \"postgres\"")
                .doesNotContain("wrongsecret");
    }

    @Test
    void aClosedPortIsOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliRun run = CliRun.of(dir, dir, "migrate", "status", "-u", "mysql://u:secret@localhost:" + port + "/app");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .contains("cannot connect to mysql://u:xxxxx@localhost:" + port + "/app: connection refused")
                .doesNotContain("secret");
    }

    @Test
    void aPortThatIsNotANumberIsOneLine() {
        CliRun run = CliRun.of(dir, dir, "migrate", "status", "-u", "postgres://u:secret@h:notaport/");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("the port is not a number").doesNotContain("secret");
    }
}
