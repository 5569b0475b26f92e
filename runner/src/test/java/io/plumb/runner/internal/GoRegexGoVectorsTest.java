package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the RE2 translation against what Go's {@code regexp} itself did with 1,928 random patterns and texts:
 * the same compile errors, word for word, and the same match count and first match.
 */
class GoRegexGoVectorsTest {

    private record Vector(int index, String pattern, String text, String error, int count, String first) {}

    @Test
    void agreesWithGo() throws IOException {
        List<Vector> vectors = load();
        assertThat(vectors).hasSize(1928);
        assertThat(vectors).filteredOn(v -> !v.error().isEmpty()).hasSizeGreaterThan(500);
        assertThat(vectors).filteredOn(v -> v.count() > 0).hasSizeGreaterThan(300);
        for (Vector v : vectors) {
            String description = "vector " + v.index() + ": pattern `" + v.pattern() + "` on " + quoted(v.text());
            if (!v.error().isEmpty()) {
                assertThatThrownBy(() -> GoRegex.compile(v.pattern()))
                        .as(description)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(v.error());
                continue;
            }
            Pattern pattern = GoRegex.compile(v.pattern());
            assertThat(GoRegex.countMatches(pattern, v.text())).as(description).isEqualTo(v.count());
            assertThat(GoRegex.firstMatch(pattern, v.text()).orElse(""))
                    .as(description)
                    .isEqualTo(v.first());
        }
    }

    private static String quoted(String text) {
        return GoQuote.quote(text);
    }

    private static List<Vector> load() throws IOException {
        LengthPrefixedSections sections = LengthPrefixedSections.of("/testdata/regexp/go-vectors.dat");
        List<Vector> vectors = new ArrayList<>();
        while (sections.hasMore()) {
            String pattern = sections.text("pattern");
            String text = sections.text("text");
            String error = sections.text("error");
            int count = sections.number("count");
            String first = sections.text("first");
            vectors.add(new Vector(vectors.size(), pattern, text, error, count, first));
        }
        return vectors;
    }
}
