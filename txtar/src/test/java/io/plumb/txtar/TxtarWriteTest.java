package io.plumb.txtar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Txtar.write}, per reference section 1.5 and go-internal's {@code TestWrite}. */
class TxtarWriteTest {

    @TempDir
    Path temp;

    private Path root;

    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createDirectory(temp.resolve("root"));
    }

    private static Archive archive(ArchiveFile... files) {
        return new Archive("", List.of(files));
    }

    private static ArchiveFile file(String name, String data) {
        return new ArchiveFile(name, data);
    }

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(dir::relativize).sorted().toList();
        }
    }

    @Test
    @DisplayName("TestWrite: good.txt is written under the directory")
    void writesGoodFile() throws Exception {
        Txtar.write(archive(file("good.txt", "")), root);

        assertThat(root.resolve("good.txt")).isRegularFile().isEmptyFile();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("TestWrite: absolute names and names leading out of the directory are rejected")
    @ValueSource(strings = {"../bad.txt", "/bad.txt", "..", "a/../../bad.txt", "./../bad.txt", "//bad.txt", "../"})
    void rejectsNamesOutsideDirectory(String name) throws IOException {
        assertThatThrownBy(() -> Txtar.write(archive(file(name, "x\n")), root))
                .isInstanceOf(TxtarException.class)
                .hasMessage("\"" + name + "\": outside parent directory");
        assertThat(tree(temp)).containsExactly(Path.of(""), Path.of("root"));
    }

    @Test
    @DisplayName("the error names the file the way Go's %q would")
    void errorQuotesNameLikeGo() {
        assertThatThrownBy(() -> Txtar.write(archive(file("../a\"b\t.txt", "")), root))
                .isInstanceOf(TxtarException.class)
                .hasMessage("\"../a\\\"b\\t.txt\": outside parent directory");
    }

    @Test
    @DisplayName("data is written as UTF-8, byte for byte, with CRLF kept")
    void writesUtf8Data() throws Exception {
        Txtar.write(archive(file("a.txt", "héllo €\r\nline\n")), root);

        assertThat(Files.readAllBytes(root.resolve("a.txt"))).isEqualTo("héllo €\r\nline\n".getBytes(UTF_8));
    }

    @Test
    @DisplayName("parent directories are created")
    void createsParentDirectories() throws Exception {
        Txtar.write(archive(file("sub/dir/f.txt", "f\n"), file("sub/g.txt", "g\n")), root);

        assertThat(root.resolve("sub/dir/f.txt")).hasContent("f");
        assertThat(root.resolve("sub/g.txt")).hasContent("g");
    }

    @Test
    @DisplayName("names are cleaned like filepath.Clean: '.', '..' inside, and repeated slashes")
    void cleansNames() throws Exception {
        Txtar.write(archive(file("./x//y/./z.txt", "1\n"), file("a/../b.txt", "2\n"), file("c/d/", "3\n")), root);

        assertThat(tree(root))
                .containsExactly(
                        Path.of(""),
                        Path.of("b.txt"),
                        Path.of("c"),
                        Path.of("c/d"),
                        Path.of("x"),
                        Path.of("x/y"),
                        Path.of("x/y/z.txt"));
        assertThat(root.resolve("c/d")).isRegularFile().hasContent("3");
    }

    @Test
    @DisplayName("a name merely starting with '..' stays inside")
    void dotDotPrefixedNameIsInside() throws Exception {
        Txtar.write(archive(file("..foo", "x\n")), root);

        assertThat(root.resolve("..foo")).hasContent("x");
    }

    @Test
    @DisplayName("an existing file is never overwritten, and the error names the file")
    void neverOverwrites() throws Exception {
        Files.writeString(root.resolve("a.txt"), "original\n");

        assertThatThrownBy(() -> Txtar.write(archive(file("a.txt", "new\n")), root))
                .isInstanceOf(TxtarException.class)
                .hasMessageStartingWith("\"a.txt\": file already exists");
        assertThat(root.resolve("a.txt")).hasContent("original");
    }

    @Test
    @DisplayName("a duplicate name in the archive clashes with the file written before it")
    void duplicateNamesClash() throws Exception {
        assertThatThrownBy(() -> Txtar.write(archive(file("a.txt", "one\n"), file("x/../a.txt", "two\n")), root))
                .isInstanceOf(TxtarException.class)
                .hasMessageStartingWith("\"x/../a.txt\": file already exists");
        assertThat(root.resolve("a.txt")).hasContent("one");
    }

    @Test
    @DisplayName("a file in the way of a parent directory is an error naming the file")
    void fileInTheWayOfParent() throws Exception {
        assertThatThrownBy(() -> Txtar.write(archive(file("a", "x\n"), file("a/b", "y\n")), root))
                .isInstanceOf(TxtarException.class)
                .hasMessageStartingWith("\"a/b\": parent ");
        assertThat(root.resolve("a")).isRegularFile().hasContent("x");
    }

    @Test
    @DisplayName("the comment is not written anywhere")
    void commentNotWritten() throws Exception {
        Txtar.write(new Archive("comment\n", List.of(file("f", "x\n"))), root);

        assertThat(tree(root)).containsExactly(Path.of(""), Path.of("f"));
    }

    @Test
    @DisplayName("clean follows Go's path.Clean")
    void cleanMatchesGo() {
        assertThat(ArchiveWriter.clean("")).isEqualTo(".");
        assertThat(ArchiveWriter.clean("a/b/../../..")).isEqualTo("..");
        assertThat(ArchiveWriter.clean("../../a")).isEqualTo("../../a");
        assertThat(ArchiveWriter.clean("/../a")).isEqualTo("/a");
        assertThat(ArchiveWriter.clean("/")).isEqualTo("/");
        assertThat(ArchiveWriter.clean("a/./b/")).isEqualTo("a/b");
        assertThat(ArchiveWriter.clean("abc/def/../ghi")).isEqualTo("abc/ghi");
    }
}
