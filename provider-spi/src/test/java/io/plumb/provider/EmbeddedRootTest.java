package io.plumb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRootTest {

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aConfiguredDirectoryIsCreatedAndUsedWithoutANote(@TempDir Path dir) {
        Path configured = dir.resolve("memory/plumb");

        Path chosen = EmbeddedRoot.parent(configured.toString(), dir.resolve("no-shm"), dir.resolve("disk"), err);

        assertThat(chosen).isEqualTo(configured);
        assertThat(configured).isDirectory();
        assertThat(err()).isEmpty();
    }

    @Test
    void anUnusableConfiguredDirectoryFallsBackToDiskWithOneNote(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x", StandardCharsets.UTF_8);
        Path disk = dir.resolve("disk");

        Path chosen = EmbeddedRoot.parent(file.toString(), dir.resolve("no-shm"), disk, err);

        assertThat(chosen).isEqualTo(disk);
        assertThat(err().lines()).hasSize(1);
        assertThat(err())
                .startsWith("plumb: cannot keep the embedded servers' data in " + file + " (set by "
                        + "plumb.embedded.dataDir or PLUMB_EMBEDDED_DATA_DIR): a file is in the way; using " + disk
                        + " on disk instead (" + dir.resolve("no-shm") + " does not exist)");
    }

    @Test
    void withoutATmpfsTheDataGoesToDiskWithOneNote(@TempDir Path dir) {
        Path disk = dir.resolve("disk");

        Path chosen = EmbeddedRoot.parent(null, dir.resolve("no-shm"), disk, err);

        assertThat(chosen).isEqualTo(disk);
        assertThat(err())
                .isEqualTo("plumb: the embedded servers keep their throw-away data on disk in " + disk + " ("
                        + dir.resolve("no-shm") + " does not exist); set plumb.embedded.dataDir or "
                        + "PLUMB_EMBEDDED_DATA_DIR to a tmpfs directory for faster clones"
                        + System.lineSeparator());
    }

    @Test
    void aBlankConfigurationCountsAsNone(@TempDir Path dir) {
        Path chosen = EmbeddedRoot.parent("  ", dir.resolve("no-shm"), dir, err);

        assertThat(chosen).isEqualTo(dir);
        assertThat(err()).startsWith("plumb: the embedded servers keep their throw-away data on disk");
    }

    @Test
    void aDirectoryOnDiskIsNotTakenForATmpfs(@TempDir Path dir) throws IOException {
        assumeTrue(!Files.getFileStore(dir).type().equals("tmpfs"), "the temporary directory is on a tmpfs");
        Path disk = dir.resolve("disk");

        Path chosen = EmbeddedRoot.parent(null, dir, disk, err);

        assertThat(chosen).isEqualTo(disk);
        assertThat(err()).contains("(" + dir + " is not a tmpfs)");
    }

    @Test
    void aWritableTmpfsWithRoomIsChosenSilently(@TempDir Path dir) throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(
                Files.isDirectory(shm)
                        && Files.getFileStore(shm).type().equals("tmpfs")
                        && Files.getFileStore(shm).getUsableSpace() >= EmbeddedRoot.TMPFS_MIN_FREE,
                "no /dev/shm tmpfs with 1 GiB free here");
        Path file = Files.writeString(dir.resolve("a-file"), "x", StandardCharsets.UTF_8);

        assertThat(EmbeddedRoot.parent(null, shm, dir, err)).isEqualTo(shm);
        assertThat(err()).isEmpty();

        // A configured directory that cannot be used falls back to the tmpfs, still saying so.
        assertThat(EmbeddedRoot.parent(file.toString(), shm, dir, err)).isEqualTo(shm);
        assertThat(err())
                .contains("a file is in the way; using /dev/shm instead")
                .hasLineCount(1);
    }
}
