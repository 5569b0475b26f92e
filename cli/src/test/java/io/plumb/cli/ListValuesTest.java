package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListValuesTest {

    @Test
    void splitsEachValueAsOneLineOfCsv() {
        assertThat(ListValues.split(List.of("a,b", "c"))).containsExactly("a", "b", "c");
        assertThat(ListValues.split(List.of("\"a,b\"", "\"say \"\"hi\"\"\""))).containsExactly("a,b", "say \"hi\"");
        assertThat(ListValues.split(List.of("x=1,y=\"2,3\""))).containsExactly("x=1", "y=\"2", "3\"");
        assertThat(ListValues.split(List.of("\"\""))).containsExactly("");
        assertThat(ListValues.split(List.of(""))).isEmpty();
    }

    @Test
    void rejectsAnUnterminatedQuote() {
        assertThatThrownBy(() -> ListValues.splitOne("\"a,b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unterminated quote in \"\"a,b\"");
    }
}
