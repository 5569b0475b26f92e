package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        LengthPrefixedSections sections = LengthPrefixedSections.of("/testdata/diff/go-vectors.dat");
        List<Vector> vectors = new ArrayList<>();
        while (sections.hasMore()) {
            vectors.add(new Vector(vectors.size(), sections.text("old"), sections.text("new"), sections.text("diff")));
        }
        return vectors;
    }
}
