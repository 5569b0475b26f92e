package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final Set<String> COMMANDS = Set.of("exists", "exec", "env", "cmp", "cmpenv", "cp", "stdout");

    @Test
    void suggestsTheOneCommandOneEditAway() {
        assertThat(Suggestions.unknownCommand("exsts", COMMANDS))
                .isEqualTo("unknown command \"exsts\" (did you mean \"exists\"?)");
    }

    @Test
    void suggestsSeveralWhenTwoToFourAreClose() {
        assertThat(Suggestions.unknownCommand("cm", COMMANDS))
                .isEqualTo("unknown command \"cm\" (did you mean one of [\"cmp\" \"cp\"]?)");
    }

    @Test
    void suggestsSpaceAfterBang() {
        assertThat(Suggestions.unknownCommand("!exists", COMMANDS))
                .isEqualTo("unknown command \"!exists\" (did you mean \"! exists\"?)");
    }

    @Test
    void saysNothingMoreWhenNothingIsClose() {
        assertThat(Suggestions.unknownCommand("frobnicate", COMMANDS)).isEqualTo("unknown command \"frobnicate\"");
    }

    @Test
    void almostEqualCoversEachKindOfEdit() {
        assertThat(Suggestions.almostEqual("stdout", "stdot")).isTrue(); // deletion
        assertThat(Suggestions.almostEqual("stdout", "stdoutt")).isTrue(); // insertion
        assertThat(Suggestions.almostEqual("stdout", "stdoat")).isTrue(); // substitution
        assertThat(Suggestions.almostEqual("stdout", "tsdout")).isTrue(); // transposition
        assertThat(Suggestions.almostEqual("stdout", "stdout")).isFalse();
        assertThat(Suggestions.almostEqual("stdout", "sdtuot")).isFalse();
    }
}
