package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKillTest {

    @Test
    void aPostgresServerDoesNotOutliveAKilledJvm(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // The child's servers keep their data in a directory of the test's, wherever the default is.
                        "-Dplumb.embedded.dataDir=" + dir,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedChild.class.getName()))
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        String url;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            url = out.readLine();
            assertThat(url)
                    .as("the child started a server (stderr: %s)", Files.readString(dir.resolve("child.err")))
                    .startsWith("postgres://");
            try (Database db = Database.open(url, dir)) {
                assertThat(db.connection().isValid(5)).isTrue();
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path childRoot = dir.resolve("plumb-embedded-" + child.pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean gone = false;
        while (!gone && System.nanoTime() < deadline) {
            try (Database db = Database.open(url, dir)) {
                Thread.sleep(200);
            } catch (DatabaseException e) {
                gone = String.valueOf(e.getMessage()).endsWith("connection refused");
            }
        }
        assertThat(gone).as("the watchdog stopped the killed JVM's server").isTrue();
        while (Files.exists(childRoot.resolve("postgres-17")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(childRoot.resolve("postgres-17"))
                .as("the watchdog deleted its data")
                .doesNotExist();
    }
}
