package io.plumb.txtar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Formatting, per reference section 1.4. */
class TxtarFormatTest {

    private static ArchiveFile file(String name, String data) {
        return new ArchiveFile(name, data);
    }

    private static Archive archive(String comment, ArchiveFile... files) {
        return new Archive(comment, List.of(files));
    }

    @Test
    @DisplayName("LF archive: comment, then '-- name --' and data for each file")
    void formatsLf() {
        assertThat(Txtar.format(archive("c\n", file("a", "1\n"), file("b c", "2\n"))))
                .isEqualTo("c\n-- a --\n1\n-- b c --\n2\n");
    }

    @Test
    @DisplayName("an empty archive formats to the empty string")
    void formatsEmpty() {
        assertThat(Txtar.format(archive(""))).isEmpty();
    }

    @Test
    @DisplayName("a missing final newline is added to the comment and to each non-empty file")
    void addsMissingFinalNewlines() {
        assertThat(Txtar.format(archive("c", file("a", "1"), file("empty", ""), file("b", "2"))))
                .isEqualTo("c\n-- a --\n1\n-- empty --\n-- b --\n2\n");
    }

    @Test
    @DisplayName("an empty comment and empty data get no newline")
    void emptySectionsStayEmpty() {
        assertThat(Txtar.format(archive("", file("a", "")))).isEqualTo("-- a --\n");
    }

    @Test
    @DisplayName("line ending from the comment when it ends in \\r\\n")
    void lineEndingFromComment() {
        assertThat(Txtar.format(archive("c\r\n", file("a", "1\n"), file("b", "2"))))
                .isEqualTo("c\r\n-- a --\r\n1\n-- b --\r\n2\r\n");
    }

    @Test
    @DisplayName("an LF comment wins over CRLF files")
    void lfCommentWins() {
        assertThat(Txtar.format(archive("c\n", file("a", "1\r\n"), file("b", "2"))))
                .isEqualTo("c\n-- a --\n1\r\n-- b --\n2\n");
    }

    @Test
    @DisplayName("line ending from the first file ending in a newline when the comment does not")
    void lineEndingFromFirstTerminatedFile() {
        assertThat(Txtar.format(archive("c", file("a", "x"), file("b", "1\r\n"), file("c", "2\n"))))
                .isEqualTo("c\r\n-- a --\r\nx\r\n-- b --\r\n1\r\n-- c --\r\n2\n");
    }

    @Test
    @DisplayName("line ending \\n when no section ends in a newline")
    void lineEndingDefaultsToLf() {
        assertThat(Txtar.format(archive("c\r", file("a", "x\r")))).isEqualTo("c\r\n-- a --\nx\r\n");
    }

    @Test
    @DisplayName("a CRLF archive round-trips byte for byte")
    void crlfRoundTrip() {
        String input = "blah\r\n-- hello --\r\nhello\r\n-- empty --\r\n-- world --\r\nworld\r\n";

        assertThat(Txtar.format(Txtar.parse(input))).isEqualTo(input);
    }

    @Test
    @DisplayName("markers are normalised: '--   a   --' becomes '-- a --'")
    void normalisesMarkers() {
        assertThat(Txtar.format(Txtar.parse("--   a   --\nx\n-- \tb\u00a0 --\ny\n")))
                .isEqualTo("-- a --\nx\n-- b --\ny\n");
    }

    @Test
    @DisplayName("nothing is escaped: data holding a marker line is written as it is")
    void nothingEscaped() {
        String formatted = Txtar.format(archive("", file("a", "-- b --\n")));

        assertThat(formatted).isEqualTo("-- a --\n-- b --\n");
        assertThat(Txtar.parse(formatted).files()).containsExactly(file("a", ""), file("b", ""));
    }
}
