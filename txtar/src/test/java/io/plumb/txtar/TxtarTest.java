package io.plumb.txtar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, per reference section 1.1 to 1.3 and the cases of go-internal and x/tools (1.6, 1.7). */
class TxtarTest {

    private static ArchiveFile file(String name, String data) {
        return new ArchiveFile(name, data);
    }

    private static Archive archive(String comment, ArchiveFile... files) {
        return new Archive(comment, List.of(files));
    }

    @Nested
    @DisplayName("go-internal archive_test.go")
    class GoInternalCases {
        @Test
        @DisplayName("basic: '-- foo ---' is content, names may hold spaces, empty and unterminated files")
        void basic() {
            String input =
                    """
                    comment1
                    comment2
                    -- file1 --
                    File 1 text.
                    -- foo ---
                    More file 1 text.
                    -- file 2 --
                    File 2 text.
                    -- empty --
                    -- noNL --
                    hello world""";

            Archive parsed = Txtar.parse(input);

            assertThat(parsed)
                    .isEqualTo(archive(
                            "comment1\ncomment2\n",
                            file("file1", "File 1 text.\n-- foo ---\nMore file 1 text.\n"),
                            file("file 2", "File 2 text.\n"),
                            file("empty", ""),
                            file("noNL", "hello world\n")));
            assertThat(Txtar.parse(Txtar.format(parsed))).isEqualTo(parsed);
        }

        @Test
        @DisplayName("basicCRLF: the \\r of a marker is not in the name, data keeps its \\r")
        void basicCrlf() {
            Archive parsed = Txtar.parse("blah\r\n-- hello --\r\nhello\r\n");

            assertThat(parsed).isEqualTo(archive("blah\r\n", file("hello", "hello\r\n")));
            assertThat(Txtar.parse(Txtar.format(parsed))).isEqualTo(parsed);
        }
    }

    @Nested
    @DisplayName("x/tools: a last line '-- --' is content")
    class EmptyMarkerAtEnd {
        @Test
        @DisplayName("LF: '-- --' without a newline is content and gets \\n")
        void lf() {
            assertThat(Txtar.parse("-- a.txt --\nsome content\n-- --"))
                    .isEqualTo(archive("", file("a.txt", "some content\n-- --\n")));
        }

        @Test
        @DisplayName("LF: '-- --\\n' is content")
        void lfTerminated() {
            assertThat(Txtar.parse("-- a.txt --\nsome content\n-- --\n"))
                    .isEqualTo(archive("", file("a.txt", "some content\n-- --\n")));
        }

        @Test
        @DisplayName("CRLF: '-- --' gets \\r\\n after a CRLF marker")
        void crlf() {
            assertThat(Txtar.parse("-- a.txt --\r\nsome content\r\n-- --"))
                    .isEqualTo(archive("", file("a.txt", "some content\r\n-- --\r\n")));
        }

        @Test
        @DisplayName("CRLF: '-- --\\r\\n' is content, \\r kept")
        void crlfTerminated() {
            assertThat(Txtar.parse("-- a.txt --\r\nsome content\r\n-- --\r\n"))
                    .isEqualTo(archive("", file("a.txt", "some content\r\n-- --\r\n")));
        }

        @Test
        @DisplayName("mixed: each line keeps its own terminator; the added one follows the marker (LF)")
        void mixedLfMarker() {
            assertThat(Txtar.parse("-- a.txt --\nsome content\r\n-- --"))
                    .isEqualTo(archive("", file("a.txt", "some content\r\n-- --\n")));
        }

        @Test
        @DisplayName("mixed: each line keeps its own terminator; the added one follows the marker (CRLF)")
        void mixedCrlfMarker() {
            assertThat(Txtar.parse("c\n-- a.txt --\r\nsome content\n-- --\r\nmore\nlast"))
                    .isEqualTo(archive("c\n", file("a.txt", "some content\n-- --\r\nmore\nlast\r\n")));
        }
    }

    @Nested
    @DisplayName("edge cases of reference 1.7")
    class EdgeCases {
        @Test
        @DisplayName("1. empty input: empty comment, no files")
        void emptyInput() {
            assertThat(Txtar.parse("")).isEqualTo(archive(""));
        }

        @Test
        @DisplayName("2. no markers: all comment, with a final \\n added")
        void noMarkers() {
            assertThat(Txtar.parse("just text\nno newline")).isEqualTo(archive("just text\nno newline\n"));
            assertThat(Txtar.parse("terminated\n")).isEqualTo(archive("terminated\n"));
        }

        @Test
        @DisplayName("3. marker on the first line: empty comment")
        void markerOnFirstLine() {
            assertThat(Txtar.parse("-- a --\ndata\n")).isEqualTo(archive("", file("a", "data\n")));
        }

        @Test
        @DisplayName("4. consecutive markers: files with empty data")
        void consecutiveMarkers() {
            assertThat(Txtar.parse("-- a --\n-- b --\n")).isEqualTo(archive("", file("a", ""), file("b", "")));
        }

        @Test
        @DisplayName("5. only the ends of a name are trimmed")
        void nameTrimmedAtEndsOnly() {
            assertThat(Txtar.parse("--  name with  spaces   --\n").files())
                    .containsExactly(file("name with  spaces", ""));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" is content")
        @DisplayName("6. near-markers are content")
        @ValueSource(strings = {"-- --", "--  --", "-- x---", " -- x --", "--x--", "-- foo ---", "-- x --y", "--\t--"})
        void nearMarkersAreContent(String line) {
            assertThat(Txtar.parse("c\n" + line + "\ndata\n")).isEqualTo(archive("c\n" + line + "\ndata\n"));
        }

        @Test
        @DisplayName("7. a CRLF marker gives a name without \\r")
        void crlfMarkerName() {
            assertThat(Txtar.parse("-- a.txt --\r\nx\r\n").files()).containsExactly(file("a.txt", "x\r\n"));
        }

        @Test
        @DisplayName("8. a last line without newline gets one; an empty last file stays empty")
        void lastSection() {
            assertThat(Txtar.parse("-- a --\nno newline").files()).containsExactly(file("a", "no newline\n"));
            assertThat(Txtar.parse("-- a --\nx\n-- last --\n").files())
                    .containsExactly(file("a", "x\n"), file("last", ""));
        }

        @Test
        @DisplayName("9. duplicate names are all kept, in order; file(name) finds the last")
        void duplicateNames() {
            Archive parsed = Txtar.parse("-- a --\none\n-- b --\n-- a --\ntwo\n");

            assertThat(parsed.files()).containsExactly(file("a", "one\n"), file("b", ""), file("a", "two\n"));
            assertThat(parsed.file("a")).contains(file("a", "two\n"));
            assertThat(parsed.file("missing")).isEmpty();
        }

        @Test
        @DisplayName("10. a $WORK name is kept as written")
        void variableNameKept() {
            assertThat(Txtar.parse("-- $WORK/x --\ny\n").files()).containsExactly(file("$WORK/x", "y\n"));
        }
    }

    @Nested
    @DisplayName("marker lines")
    class MarkerLines {
        @Test
        @DisplayName("a marker at end of input without newline is a marker with an empty file")
        void markerAtEndWithoutNewline() {
            assertThat(Txtar.parse("comment\n-- a --")).isEqualTo(archive("comment\n", file("a", "")));
        }

        @Test
        @DisplayName("a marker at end of input ending in a lone \\r is a marker (deliberately unlike go-internal)")
        void markerAtEndWithLoneCarriageReturn() {
            // go-internal reads this as content and appends "\n", which parses as a marker next time.
            assertThat(Txtar.parse("comment\n-- a --\r")).isEqualTo(archive("comment\n", file("a", "")));
        }

        @Test
        @DisplayName("'-- x --y' is content, not a marker named 'x'")
        void trailingTextAfterMarkerEnd() {
            assertThat(Txtar.parse("-- x --y\n")).isEqualTo(archive("-- x --y\n"));
        }

        @Test
        @DisplayName("a marker must start at the beginning of a line")
        void markerMidLine() {
            assertThat(Txtar.parse("text -- a --\n")).isEqualTo(archive("text -- a --\n"));
        }

        @Test
        @DisplayName("a marker line may end in \\r\\n, only one \\r is removed")
        void onlyOneCarriageReturnRemoved() {
            assertThat(Txtar.parse("-- a --\r\r\n")).isEqualTo(archive("-- a --\r\r\n"));
        }

        @Test
        @DisplayName("marker lines are never part of data")
        void markersNotInData() {
            Archive parsed = Txtar.parse("c\n-- a --\n1\n-- b --\n2\n");

            assertThat(parsed.comment()).isEqualTo("c\n");
            assertThat(parsed.files()).extracting(ArchiveFile::data).containsExactly("1\n", "2\n");
        }

        @Test
        @DisplayName("names are trimmed of Unicode white space (NBSP, em space, NEL, ideographic space, tab)")
        void nameTrimmedOfUnicodeWhiteSpace() {
            assertThat(Txtar.parse("-- \u00a0\u2003a b\u0085\u3000\t --\n").files())
                    .containsExactly(file("a b", ""));
            assertThat(Txtar.parse("-- \u202f\u2007a\u2028 --\n").files()).containsExactly(file("a", ""));
        }

        @Test
        @DisplayName("characters Go does not count as space stay in the name (U+001C, zero-width space)")
        void nonSpaceKeptInName() {
            assertThat(Txtar.parse("-- \u001ca\u200b --\n").files()).containsExactly(file("\u001ca\u200b", ""));
        }

        @Test
        @DisplayName("a name of only Unicode white space makes the line content")
        void blankUnicodeNameIsContent() {
            assertThat(Txtar.parse("-- \u00a0\u3000 --\n")).isEqualTo(archive("-- \u00a0\u3000 --\n"));
        }

        @Test
        @DisplayName("a name may contain ' --' and '-- '")
        void nameContainingMarkerParts() {
            assertThat(Txtar.parse("-- -- x -- --\n").files()).containsExactly(file("-- x --", ""));
        }
    }
}
