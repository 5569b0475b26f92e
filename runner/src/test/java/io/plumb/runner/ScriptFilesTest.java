package io.plumb.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptFilesTest {
    @Test
    void baseNameDropsTxtarAndTxt() {
        assertThat(ScriptFiles.baseName(Path.of("a/b/foo.txtar"))).isEqualTo("foo");
        assertThat(ScriptFiles.baseName(Path.of("foo.txt"))).isEqualTo("foo");
    }

    @Test
    void clashingNamesGetCountersUntilUnique() {
        List<Path> scripts = List.of(
                Path.of("a/bar.txtar"), Path.of("b/bar#1.txtar"), Path.of("c/bar.txtar"), Path.of("d/bar.txtar"));
        assertThat(ScriptFiles.uniqueNames(scripts).values()).containsExactly("bar", "bar#1", "bar#1#1", "bar#2");
    }
}
