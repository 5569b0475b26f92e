package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed while its embedded PostgreSQL is being initialised or started leaves nothing behind: its watchdog,
 * which runs from the moment the data root exists, stops the half-started server and deletes the root, without
 * waiting for a later JVM to reap it.
 */
class EmbeddedStartKillTest {

    @Test
    void aJvmKilledWhileItsPostgresStartsLeavesNoDataAndNoServer(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // A temporary directory of its own: no other JVM's start-up reaps the child's root for it.
                        "-Djava.io.tmpdir=" + dir,
                        "-Dplumb.embedded.dataDir=" + dir,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedStartChild.class.getName()))
                .redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        Path childRoot = dir.resolve("plumb-embedded-" + child.pid());
        Path data = childRoot.resolve("postgres-17");
        try {
            long started = System.nanoTime();
            while (!Files.exists(data)
                    && child.isAlive()
                    && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(2)) {
                Thread.sleep(20);
            }
            assertThat(data)
                    .as(
                            "the child began initialising its server (stderr: %s)",
                            Files.readString(dir.resolve("child.err")))
                    .exists();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((Files.exists(childRoot) || postgresOf(childRoot) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(childRoot).as("the killed JVM's watchdog deleted its data").doesNotExist();
        assertThat(postgresOf(childRoot))
                .as("no postgres of the killed JVM still runs")
                .isZero();
    }

    private static long postgresOf(Path root) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                .filter(p -> p.info().arguments().stream()
                        .flatMap(Arrays::stream)
                        .anyMatch(a -> a.startsWith(root.toString())))
                .count();
    }
}
