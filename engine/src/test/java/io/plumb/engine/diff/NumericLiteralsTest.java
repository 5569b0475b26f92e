package io.plumb.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumericLiteralsTest {

    @Test
    void spellingsOfOneNumberHaveOneKey() {
        assertThat(NumericLiterals.key("-1.5e10")).isEqualTo(NumericLiterals.key("-15000000000"));
        assertThat(NumericLiterals.key("+5")).isEqualTo(NumericLiterals.key("5"));
        assertThat(NumericLiterals.key("(+ 5)")).isEqualTo(NumericLiterals.key("5"));
        assertThat(NumericLiterals.key("-0")).hasValue("0");
        assertThat(NumericLiterals.key("-0.000")).hasValue("0");
        assertThat(NumericLiterals.key("1.50")).isEqualTo(NumericLiterals.key("1.5"));
        assertThat(NumericLiterals.key("+.5")).isEqualTo(NumericLiterals.key("0.5"));
        assertThat(NumericLiterals.key("((- 7))")).isEqualTo(NumericLiterals.key("-7"));
        assertThat(NumericLiterals.key("-2.5E-3")).isEqualTo(NumericLiterals.key("-0.0025"));
        assertThat(NumericLiterals.key("1e300")).isEqualTo(NumericLiterals.key("1" + "0".repeat(300)));
    }

    @Test
    void differentNumbersDiffer() {
        assertThat(NumericLiterals.key("-5")).isNotEqualTo(NumericLiterals.key("5"));
        assertThat(NumericLiterals.key("1.05")).isNotEqualTo(NumericLiterals.key("1.5"));
    }

    @Test
    void stringsAndExpressionsAreNoNumbers() {
        assertThat(NumericLiterals.key("'5'")).isEmpty();
        assertThat(NumericLiterals.key("1 + 2")).isEmpty();
        assertThat(NumericLiterals.key("(1) + (2)")).isEmpty();
        assertThat(NumericLiterals.key("--5")).isEmpty();
        assertThat(NumericLiterals.key("0x10")).isEmpty();
        assertThat(NumericLiterals.key("now()")).isEmpty();
        assertThat(NumericLiterals.key("")).isEmpty();
    }
}
