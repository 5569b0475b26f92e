package io.plumb.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathDirectoriesTest {
    @TempDir
    Path module;

    @Test
    void mapsTheBuildsCopyBackToTheSourceFile() throws IOException {
        Path copy = touch(module.resolve("target/test-classes/testdata/a.txtar"));
        Path source = touch(module.resolve("src/test/resources/testdata/a.txtar"));
        assertThat(ClasspathDirectories.sourceOf(copy, "testdata/a.txtar")).isEqualTo(source);
        assertThat(ClasspathDirectories.sourceOf(module.resolve("target/test-classes/testdata"), "testdata"))
                .isEqualTo(module.resolve("src/test/resources/testdata"));
    }

    @Test
    void mapsMainResourcesToo() throws IOException {
        Path copy = touch(module.resolve("target/classes/s/a.txtar"));
        Path source = touch(module.resolve("src/main/resources/s/a.txtar"));
        assertThat(ClasspathDirectories.sourceOf(copy, "s/a.txtar")).isEqualTo(source);
    }

    @Test
    void keepsTheLocationWhenThereIsNoSource() throws IOException {
        Path copy = touch(module.resolve("target/test-classes/testdata/a.txtar"));
        assertThat(ClasspathDirectories.sourceOf(copy, "testdata/a.txtar")).isEqualTo(copy);
        Path elsewhere = touch(module.resolve("lib/testdata/a.txtar"));
        assertThat(ClasspathDirectories.sourceOf(elsewhere, "testdata/a.txtar")).isEqualTo(elsewhere);
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "exists x\n");
    }
}
