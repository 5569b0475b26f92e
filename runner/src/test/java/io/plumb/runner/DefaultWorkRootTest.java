package io.plumb.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultWorkRootTest {

    private static boolean isTmpfs(Path dir) throws IOException {
        return Files.isDirectory(dir) && Files.getFileStore(dir).type().equals("tmpfs");
    }

    @Test
    void tmpdirOfTheEnvironmentWins() {
        Map<String, String> env = Map.of("TMPDIR", " /somewhere/else ");

        assertThat(DefaultWorkRoot.choose(key -> Optional.ofNullable(env.get(key))))
                .isEqualTo(Path.of("/somewhere/else"));
    }

    @Test
    void withoutTmpdirItIsTheTmpfsOrTheSystemTemporaryDirectory() throws IOException {
        Path chosen = DefaultWorkRoot.choose(key -> Optional.of(""));

        Path disk = Path.of(System.getProperty("java.io.tmpdir"));
        assertThat(chosen).isIn(DefaultWorkRoot.SHM, disk);
        if (chosen.equals(DefaultWorkRoot.SHM)) {
            assertThat(isTmpfs(DefaultWorkRoot.SHM)).isTrue();
        }
    }

    @Test
    void aDirectoryThatIsNotThereFallsBackToDisk(@TempDir Path dir) {
        Path missing = dir.resolve("no-shm");

        assertThat(DefaultWorkRoot.memoryOr(missing, dir)).isEqualTo(dir);
        assertThat(DefaultWorkRoot.problem(missing, 0, dir.resolve("mounts"))).isEqualTo(missing + " does not exist");
    }

    @Test
    void aDiskDirectoryIsNotATmpfs(@TempDir Path dir) throws IOException {
        Assumptions.assumeFalse(isTmpfs(dir), "the temporary directory is a tmpfs on this machine");

        assertThat(DefaultWorkRoot.problem(dir, 0, dir.resolve("mounts"))).isEqualTo(dir + " is not a tmpfs");
    }

    @Test
    void aTmpfsNeedsFreeSpaceAndExec(@TempDir Path dir) throws IOException {
        Path shm = DefaultWorkRoot.SHM;
        Assumptions.assumeTrue(isTmpfs(shm) && Files.isWritable(shm), "no writable tmpfs at /dev/shm");
        Path real = shm.toRealPath();
        Path exec = Files.writeString(dir.resolve("exec"), "tmpfs " + real + " tmpfs rw,nosuid,nodev 0 0\n");
        Path noexec = Files.writeString(
                dir.resolve("noexec"),
                "/dev/vda / ext4 rw,relatime 0 0\ntmpfs " + real + " tmpfs rw,nosuid,nodev,noexec 0 0\n");

        assertThat(DefaultWorkRoot.problem(shm, 0, exec)).isNull();
        assertThat(DefaultWorkRoot.problem(shm, 0, noexec)).isEqualTo(shm + " is mounted noexec");
        assertThat(DefaultWorkRoot.problem(shm, Long.MAX_VALUE, exec))
                .startsWith(shm + " has only ")
                .endsWith(" MiB free");
        // An unreadable mount table forbids nothing.
        assertThat(DefaultWorkRoot.problem(shm, 0, dir.resolve("missing"))).isNull();
    }

    @Test
    void aRunnerWithoutAWorkRootUsesTheChosenOne(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("where.txtar"), "env A=b\n");
        Path chosen = DefaultWorkRoot.choose();

        ScriptResult result;
        try (ScriptRunner runner = new ScriptRunner(RunnerOptions.defaults().withKeepWork(true))) {
            result = runner.run(script);
        }

        assertThat(result.isPassed()).as(result.log()).isTrue();
        Path kept = result.keptWorkDir().orElseThrow();
        try {
            assertThat(kept).startsWith(chosen.toRealPath());
        } finally {
            try (var walk = Files.walk(kept.getParent())) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
