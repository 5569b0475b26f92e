package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Checks the port against diffs that Go's own {@code internal/diff} wrote for 400 random pairs of texts. */
class UnifiedDiffGoVectorsTest {

    private record Vector(int index, String oldText, String newText, String diff) {}

    @Test
    void matchesGoByteForByte() throws IOException {
        List<Vector> vectors = load();
        assertThat(vectors).hasSize(400);
        assertThat(vectors).filteredOn(v -> !v.diff().isEmpty()).hasSizeGreaterThan(300);
        for (Vector v : vectors) {
            assertThat(UnifiedDiff.diff("old", v.oldText(), "new", v.newText()))
                    .as("vector %d", v.index())
                    .isEqualTo(v.diff());
        }
    }

    private static List<Vector> load() throws IOException {
        byte[] data;
        try (InputStream in = Objects.requireNonNull(
                UnifiedDiffGoVectorsTest.class.getResourceAsStream("/testdata/diff/go-vectors.dat"))) {
            data = in.readAllBytes();
        }
        Reader reader = new Reader(data);
        reader.skipComments();
        List<Vector> vectors = new ArrayList<>();
        while (reader.hasMore()) {
            vectors.add(
                    new Vector(vectors.size(), reader.section("old"), reader.section("new"), reader.section("diff")));
        }
        return vectors;
    }

    /** Reads sections written as {@code name N\n}, N bytes, {@code \n}. */
    private static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        void skipComments() {
            while (pos < data.length && data[pos] == '#') {
                line();
            }
        }

        boolean hasMore() {
            return pos < data.length;
        }

        String section(String name) {
            String header = line();
            assertThat(header).startsWith(name + " ");
            int length = Integer.parseInt(header.substring(name.length() + 1));
            String text = new String(data, pos, length, StandardCharsets.UTF_8);
            pos += length + 1;
            return text;
        }

        private String line() {
            int start = pos;
            while (data[pos] != '\n') {
                pos++;
            }
            return new String(data, start, pos++ - start, StandardCharsets.UTF_8);
        }
    }
}
