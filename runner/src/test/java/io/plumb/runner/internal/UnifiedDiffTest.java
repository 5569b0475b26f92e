package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnifiedDiffTest {
    private static final String HEADER = "diff old new\n--- old\n+++ new\n";

    static Stream<Path> goTestdata() throws IOException, URISyntaxException {
        URL dir = Objects.requireNonNull(UnifiedDiffTest.class.getResource("/testdata/diff"));
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream();
    }

    /**
     * Go's {@code internal/diff} test convention: a line ending in {@code $} keeps its trailing spaces, and a
     * final {@code ^D} line means the text has no final newline.
     */
    private static String clean(String text) {
        String cleaned = text.replace("$\n", "\n");
        return cleaned.endsWith("^D\n") ? cleaned.substring(0, cleaned.length() - 3) : cleaned;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goTestdata")
    void matchesGoTestdata(Path file) throws IOException {
        Archive archive = Txtar.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(archive.files()).extracting(ArchiveFile::name).containsExactly("old", "new", "diff");
        String old = clean(archive.files().get(0).data());
        String neu = clean(archive.files().get(1).data());
        String want = clean(archive.files().get(2).data());

        assertThat(UnifiedDiff.diff("old", old, "new", neu)).isEqualTo(want);
    }

    @Test
    void equalTextsGiveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
        assertThat(UnifiedDiff.diff("a", "", "b", "")).isEmpty();
    }

    @Test
    void headerNamesBothSides() {
        assertThat(UnifiedDiff.diff("stdout", "a\n", "want.txt", "b\n"))
                .startsWith("diff stdout want.txt\n--- stdout\n+++ want.txt\n@@ ");
    }

    @Test
    void emptyOldSideShowsZeroZero() {
        assertThat(UnifiedDiff.diff("old", "", "new", "a\nb\n")).isEqualTo(HEADER + "@@ -0,0 +1,2 @@\n+a\n+b\n");
    }

    @Test
    void emptyNewSideShowsZeroZero() {
        assertThat(UnifiedDiff.diff("old", "a\n", "new", "")).isEqualTo(HEADER + "@@ -1,1 +0,0 @@\n-a\n");
    }

    @Test
    void insertionAtStartHasTrailingContextOnly() {
        assertThat(UnifiedDiff.diff("old", "a\nb\nc\nd\n", "new", "z\na\nb\nc\nd\n"))
                .isEqualTo(HEADER + "@@ -1,3 +1,4 @@\n+z\n a\n b\n c\n");
    }

    @Test
    void insertionAtEndHasLeadingContextOnly() {
        assertThat(UnifiedDiff.diff("old", "a\nb\nc\nd\n", "new", "a\nb\nc\nd\ne\n"))
                .isEqualTo(HEADER + "@@ -2,3 +2,4 @@\n b\n c\n d\n+e\n");
    }

    @Test
    void insertionInMiddleHasContextOnBothSides() {
        assertThat(UnifiedDiff.diff("old", "1\n2\n3\n4\n5\n6\n7\n8\n", "new", "1\n2\n3\n4\nnew\n5\n6\n7\n8\n"))
                .isEqualTo(HEADER + "@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+new\n 5\n 6\n 7\n");
    }

    @Test
    void deletionInMiddle() {
        assertThat(UnifiedDiff.diff("old", "a\nb\nc\nX\nd\ne\nf\n", "new", "a\nb\nc\nd\ne\nf\n"))
                .isEqualTo(HEADER + "@@ -1,7 +1,6 @@\n a\n b\n c\n-X\n d\n e\n f\n");
    }

    @Test
    void replacementPrintsDeletionsBeforeInsertions() {
        assertThat(UnifiedDiff.diff("old", "a\nb\nc\n", "new", "a\nB\nc\n"))
                .isEqualTo(HEADER + "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    }

    private static String numbered(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void changesSixCommonLinesApartGiveTwoHunks() {
        // Go closes a chunk when the common run is at least 2*3 lines, so six lines already split.
        String old = numbered(1, 20);
        String neu = old.replace("\n5\n", "\nfive\n").replace("\n12\n", "\ntwelve\n");

        assertThat(UnifiedDiff.diff("old", old, "new", neu))
                .isEqualTo(HEADER
                        + "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
                        + "@@ -9,7 +9,7 @@\n 9\n 10\n 11\n-12\n+twelve\n 13\n 14\n 15\n");
    }

    @Test
    void changesFiveCommonLinesApartShareOneHunk() {
        String old = numbered(1, 20);
        String neu = old.replace("\n5\n", "\nfive\n").replace("\n11\n", "\neleven\n");

        assertThat(UnifiedDiff.diff("old", old, "new", neu))
                .isEqualTo(HEADER
                        + "@@ -2,13 +2,13 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n-11\n+eleven\n"
                        + " 12\n 13\n 14\n");
    }

    @Test
    void missingFinalNewlineOnBothSidesIsMarkedTwice() {
        assertThat(UnifiedDiff.diff("old", "a\nb", "new", "a\nc"))
                .isEqualTo(HEADER
                        + "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
                        + "+c\n\\ No newline at end of file\n");
    }

    @Test
    void unchangedLineWithoutNewlineIsMarkedInContext() {
        assertThat(UnifiedDiff.diff("old", "a\nb", "new", "x\nb"))
                .isEqualTo(HEADER + "@@ -1,2 +1,2 @@\n-a\n+x\n b\n\\ No newline at end of file\n");
    }

    @Test
    void repeatedLinesDoNotAnchorButExtendMatches() {
        // No line is unique, so only the sentinels anchor; the equal "a" lines are found by extension.
        assertThat(UnifiedDiff.diff("old", "a\nx\na\n", "new", "a\ny\na\n"))
                .isEqualTo(HEADER + "@@ -1,3 +1,3 @@\n a\n-x\n+y\n a\n");
    }

    @Test
    void swappedUniqueLinesKeepTheLastAnchorOfTheLongestSubsequence() {
        // All LIS candidates have length 1; Szymanski's backward scan picks the last one, "c".
        assertThat(UnifiedDiff.diff("old", "a\nb\nc\n", "new", "c\nb\na\n"))
                .isEqualTo(HEADER + "@@ -1,3 +1,3 @@\n-a\n-b\n c\n+b\n+a\n");
    }

    @Test
    void uniqueLinesAnchorInsteadOfBlankLines() {
        // "}" and blank lines repeat, so only the unique "func a" and "func b" lines anchor the diff.
        String old = "func a() {\n}\n\nfunc b() {\n}\n";
        String neu = "func a() {\n}\n\nfunc c() {\n}\n\nfunc b() {\n}\n";

        assertThat(UnifiedDiff.diff("old", old, "new", neu))
                .isEqualTo(HEADER + "@@ -1,5 +1,8 @@\n func a() {\n }\n \n+func c() {\n+}\n+\n func b() {\n }\n");
    }
}
