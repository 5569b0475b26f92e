package io.plumb.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsThePermissionsTheUmaskGivesAnyNewFile() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");

        AtomicFile.write(atomic, bytes("new"));

        assertThat(Files.readString(atomic)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(atomic))
                .as("0666 & ~umask, as Files.write gives, not a temporary file's 0600")
                .isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(listing()).containsExactlyInAnyOrder("plain.txt", "atomic.txt");
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        Path file = Files.writeString(dir.resolve("script.sh"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));

        AtomicFile.write(file, bytes("new"));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rwxr-x---");
    }

    @Test
    void aSymbolicLinkStaysAndItsTargetGetsTheContent() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("atlas.sum"), "old");
        Path links = Files.createDirectories(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("atlas.sum"), Path.of("../real/atlas.sum"));

        AtomicFile.write(link, bytes("new"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(Files.readString(link)).isEqualTo("new");
        try (Stream<Path> files = Files.list(real)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("atlas.sum");
        }
    }

    @Test
    void aChainOfLinksIsFollowedToTheEnd() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path first = Files.createSymbolicLink(dir.resolve("first"), Path.of("target.txt"));
        Path second = Files.createSymbolicLink(dir.resolve("second"), first);

        AtomicFile.write(second, bytes("new"));

        assertThat(Files.isSymbolicLink(second)).isTrue();
        assertThat(Files.isSymbolicLink(first)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void aDanglingLinkIsFollowedToWhereItPoints() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("report.xml"), Path.of("out.xml"));

        AtomicFile.write(link, bytes("new"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("out.xml"))).isEqualTo("new");
    }

    @Test
    void aLinkLoopIsAnErrorAndWritesNothing() throws IOException {
        Path a = Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));

        assertThatThrownBy(() -> AtomicFile.write(a, bytes("new")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("too many levels of symbolic links");
        assertThat(listing()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aPreparedFileChangesNothingUntilCommitted() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "old");

        AtomicFile.Prepared prepared = AtomicFile.prepare(file, bytes("new"));
        assertThat(Files.readString(file)).isEqualTo("old");
        prepared.discard();

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(listing()).containsExactly("f.txt");
        assertThatThrownBy(prepared::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingContentLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "old");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
                    out.write(bytes("half"));
                    throw new IOException("no space left on device");
                }))
                .hasMessage("no space left on device");

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(listing()).containsExactly("f.txt");
    }

    @Test
    void aDirectoryInTheWayIsAnErrorAndLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(dir.resolve("taken"));

        assertThatThrownBy(() -> AtomicFile.write(dir.resolve("taken"), bytes("x")))
                .isInstanceOf(IOException.class);

        assertThat(listing()).containsExactly("taken");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
