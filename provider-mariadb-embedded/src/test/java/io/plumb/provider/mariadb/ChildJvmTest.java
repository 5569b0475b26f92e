package io.plumb.provider.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.provider.EmbeddedRoot;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server's life in a program's JVM: it ends with the program, and does not outlive a killed JVM. */
class ChildJvmTest {

    @Test
    void aProgramThatUsedTheServerExitsWhenMainReturnsAndStopsIt() throws Exception {
        Path dir = scratch();
        Process child = child(dir);
        assertThat(child.waitFor(60, TimeUnit.SECONDS))
                .as("the child JVM exited after main returned (stderr: %s)", stderr(dir))
                .isTrue();
        List<String> out = stdout(child);

        assertThat(child.exitValue()).as("exit code (stderr: %s)", stderr(dir)).isZero();
        assertThat(out)
                .as("the server's output went to its log, not to the program's")
                .hasSize(2);
        assertThat(out.get(0)).startsWith("mariadb://root:");
        assertThat(ProcessHandle.of(Long.parseLong(out.get(1))).filter(ProcessHandle::isAlive))
                .as("the server process is gone")
                .isEmpty();
        assertThat(refusesConnections(URI.create(out.get(0)).getPort())).isTrue();
        assertThat(dir.resolve("plumb-embedded-" + child.pid()))
                .as("the shutdown hook deleted the servers' directory")
                .doesNotExist();
    }

    @Test
    void theServerDoesNotOutliveAKilledJvm() throws Exception {
        Path dir = scratch();
        Process child = child(dir, "wait");
        String url;
        long pid;
        try {
            var out = child.inputReader(StandardCharsets.UTF_8);
            url = String.valueOf(out.readLine());
            String pidLine = String.valueOf(out.readLine());
            assertThat(pidLine)
                    .as("the child started a server (stderr: %s)", stderr(dir))
                    .matches("[0-9]+");
            pid = Long.parseLong(pidLine);
            assertThat(ProcessHandle.of(pid)).isPresent();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // The watchdog polls once a second, then sends TERM; the deadline only bounds a failing test.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("the watchdog stopped the killed JVM's server")
                .isEmpty();
        assertThat(refusesConnections(URI.create(url).getPort())).isTrue();
    }

    // Where this JVM's servers keep their data (in memory when it can); it goes when this JVM ends.
    private static Path scratch() throws IOException {
        return Files.createTempDirectory(EmbeddedRoot.directory(), "child-");
    }

    private static Process child(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The child's servers keep their data in a directory of the test's.
                "-Dplumb.embedded.dataDir=" + dir,
                "-cp",
                System.getProperty("java.class.path"),
                MariadbChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("child.err").toFile())
                .start();
    }

    private static List<String> stdout(Process child) throws IOException {
        return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    private static String stderr(Path dir) throws IOException {
        return Files.readString(dir.resolve("child.err"));
    }

    private static boolean refusesConnections(int port) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
