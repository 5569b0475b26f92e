package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpanderTest {
    private static final Map<String, String> ENV =
            Map.of("X", "x", "XY", "xy", "/", "/", ":", ":", "$", "$", "1", "one", "@", "at");

    private static String expand(String s) {
        return Expander.expand(s, k -> ENV.getOrDefault(k, ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "$X|x",
                "${X}|x",
                "$XY|xy",
                "${X}Y|xY",
                "$X.txt|x.txt",
                "a${/}b|a/b",
                "a${:}b|a:b",
                "$$|$",
                "${$}|$",
                "$1|one",
                "${1}|one",
                "$@|at",
                "$UNSET|''",
                "^$X$|^x$",
                "$/|$/",
                "$:|$:",
                "$.|$.",
                "'a$ b'|'a$ b'",
                "${}|''",
                "a${b|ab",
                "${a b}|''",
            })
    void followsGoOsExpand(String input, String expected) {
        assertThat(expand(input)).isEqualTo(expected.equals("''") ? "" : expected);
    }

    @Test
    void keepsTrailingDollar() {
        assertThat(expand("x$")).isEqualTo("x$");
    }

    @Test
    void leavesTextWithoutDollarUntouched() {
        String text = "no variables here";
        assertThat(expand(text)).isSameAs(text);
    }
}
