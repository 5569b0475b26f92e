package io.plumb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The engine runs in parallel unless switched off. Concurrency is shown without timing: each test below waits
 * (up to a minute) for a signal that only a test running at the same time can give, so run one after another the
 * first one fails.
 */
class ParallelExecutionTest {

    // Two threads whatever the machine's processors, so that two tests that wait for each other can meet.
    private static final Map<String, String> TWO_THREADS = Map.of(
            "plumb.execution.parallel.config.strategy", "fixed",
            "plumb.execution.parallel.config.fixed.parallelism", "2");

    private static EngineTestKit.Builder kit() {
        return EngineTestKit.engine(new PlumbTestEngine());
    }

    // A script that leaves its signal, then waits for the other's.
    private static String meet(Path meeting, String self, String other) {
        return "exec sh -c 'touch " + meeting.resolve(self) + "; i=0; while [ ! -e " + meeting.resolve(other)
                + " ]; do i=$((i+1)); if [ $i -gt 1200 ]; then echo waited in vain; exit 1; fi; sleep 0.05; done'\n";
    }

    private static String failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .flatMap(event -> event.getPayload(TestExecutionResult.class).stream())
                .flatMap(result -> result.getThrowable().stream())
                .map(Throwable::getMessage)
                .toList()
                .toString();
    }

    @Test
    void scriptsRunConcurrentlyWithoutASwitch(@TempDir Path dir) throws IOException {
        Path meeting = Files.createDirectory(dir.resolve("meeting"));
        Path scripts = Files.createDirectory(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("left.txtar"), meet(meeting, "left", "right"));
        Files.writeString(scripts.resolve("right.txtar"), meet(meeting, "right", "left"));

        EngineExecutionResults results = kit().selectors(selectDirectory(scripts.toFile()))
                .configurationParameters(TWO_THREADS)
                .execute();

        assertThat(results.testEvents().succeeded().count())
                .as(() -> failures(results))
                .isEqualTo(2);
    }

    @Test
    void aTestFileRunsConcurrentlyWithAScript(@TempDir Path dir) throws IOException {
        // The script, selected first, waits for a file that only the test file's case creates.
        Path meeting = Files.createDirectory(dir.resolve("meeting"));
        Path script = dir.resolve("wait.txtar");
        Files.writeString(
                script,
                "exec sh -c 'i=0; while [ ! -e " + meeting.resolve("signal.db")
                        + " ]; do i=$((i+1)); if [ $i -gt 1200 ]; then echo waited in vain; exit 1; fi;"
                        + " sleep 0.05; done'\n");
        Path schema = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int);\n");
        Path testFile = Files.writeString(
                dir.resolve("signal.test.hcl"),
                "test \"schema\" \"signal\" {\n  exec {\n    sql = \"ATTACH DATABASE '" + meeting.resolve("signal.db")
                        + "' AS m\"\n  }\n  exec {\n    sql = \"CREATE TABLE m.s (x int)\"\n  }\n}\n");

        EngineExecutionResults results = kit().selectors(selectFile(script.toFile()), selectFile(testFile.toFile()))
                .configurationParameters(TWO_THREADS)
                .configurationParameter("plumb.test.schema", schema.toString())
                .configurationParameter("plumb.test.dev-url", "sqlite://parallel-dev?mode=memory")
                .execute();

        assertThat(results.testEvents().succeeded().count())
                .as(() -> failures(results))
                .isEqualTo(2);
    }
}
