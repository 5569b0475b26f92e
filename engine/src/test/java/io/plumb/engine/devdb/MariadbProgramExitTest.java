package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.DatabaseUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program that used the embedded MariaDB ends when its {@code main} returns, and takes the server with it. */
class MariadbProgramExitTest {

    @Test
    void aProgramThatUsedTheEmbeddedMariadbExitsWhenMainReturns(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // The child's servers keep their data in a directory of the test's, wherever the default is.
                        "-Dplumb.embedded.dataDir=" + dir,
                        "-cp",
                        System.getProperty("java.class.path"),
                        MariadbExitChild.class.getName()))
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        String url;
        String pid;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            url = String.valueOf(out.readLine());
            pid = String.valueOf(out.readLine());
            boolean exited = child.waitFor(60, TimeUnit.SECONDS);
            assertThat(exited)
                    .as(
                            "the child JVM exited after main returned (stderr: %s)",
                            Files.readString(dir.resolve("child.err")))
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(url).startsWith("mariadb://");
        assertThat(child.exitValue()).isZero();
        int port = DatabaseUrl.parse(url).port();
        assertThat(refusesConnections(port))
                .as("the child's MariaDB server on port %s is gone", port)
                .isTrue();
        assertThat(dir.resolve("plumb-embedded-" + child.pid()))
                .as("the child's shutdown hook deleted its servers' directory")
                .doesNotExist();
    }

    private static boolean refusesConnections(int port) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
