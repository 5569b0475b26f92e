package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.runner.ScriptFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineParserTest {
    private static final Map<String, String> ENV = Map.of("X", "a b", "E", "");

    private static List<String> parse(String line) {
        return LineParser.parse(line, s -> Expander.expand(s, k -> ENV.getOrDefault(k, "")));
    }

    @Test
    void splitsOnSpaceTabAndCarriageReturn() {
        assertThat(parse("a b\tc\rd  e")).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void hashEndsTheLineEvenInsideAWord() {
        assertThat(parse("foo#bar baz")).containsExactly("foo");
        assertThat(parse("   # comment")).isEmpty();
    }

    @Test
    void singleQuotesKeepSpacesAndHashesAndStopExpansion() {
        assertThat(parse("'a b#c' '$X'")).containsExactly("a b#c", "$X");
    }

    @Test
    void twoQuotesInsideQuotesAreOneQuote() {
        assertThat(parse("'it''s'")).containsExactly("it's");
    }

    @Test
    void emptyQuotesAreAnEmptyArgument() {
        assertThat(parse("a '' b")).containsExactly("a", "", "b");
    }

    @Test
    void adjacentPiecesJoinIntoOneWord() {
        assertThat(parse("x$E'\\n'y")).containsExactly("x\\ny");
    }

    @Test
    void expansionIsNotSplitIntoWords() {
        assertThat(parse("$X")).containsExactly("a b");
    }

    @Test
    void doubleQuotesAndBackslashesAreOrdinary() {
        assertThat(parse("\"a b\" c\\ d")).containsExactly("\"a", "b\"", "c\\", "d");
    }

    @Test
    void unterminatedQuoteFails() {
        assertThatThrownBy(() -> parse("echo 'oops"))
                .isInstanceOf(ScriptFailure.class)
                .hasMessage("unterminated quoted argument");
    }

    @Test
    void blankLineHasNoWords() {
        assertThat(parse("")).isEmpty();
        assertThat(parse(" \t ")).isEmpty();
    }
}
