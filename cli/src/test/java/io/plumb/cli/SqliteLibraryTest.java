package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {

    private static byte[] fromTheJar() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SqliteLibrary.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void unpacksTheDriversLibraryOnceUnderItsCrcAndSize(@TempDir Path cache) throws IOException {
        Path library = SqliteLibrary.cached(cache).orElseThrow();
        Path parent = java.util.Objects.requireNonNull(library.getParent());

        assertThat(library.getFileName()).hasToString(LibraryLoaderUtil.getNativeLibName());
        assertThat(cache.relativize(parent).toString()).matches("sqlite-[0-9a-f]+-[0-9]+");
        byte[] expected = fromTheJar();
        assertThat(Arrays.equals(Files.readAllBytes(library), expected)).isTrue();
        assertThat(parent.toString()).endsWith("-" + expected.length);
        // Nothing but the library is left in its directory (no scratch file).
        try (var files = Files.list(parent)) {
            assertThat(files).containsExactly(library);
        }

        // A second start finds it and does not write it again.
        Files.setLastModifiedTime(library, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(SqliteLibrary.cached(cache)).contains(library);
        assertThat(Files.getLastModifiedTime(library).toMillis()).isZero();
    }

    @Test
    void anUnwritableCacheIsAnErrorThatPrepareSwallows(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqliteLibrary.cached(file.resolve("native")))
                .isInstanceOf(IOException.class);
    }
}
