package io.plumb.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HclPrinterTest {

    @Test
    void alignsEachRunOfAttributesSeparatelyAroundBlocks() {
        HclItem block = new HclItem.Block(
                "outer",
                List.of("a", "b\"c"),
                List.of(
                        new HclItem.Attr("x", "1"),
                        new HclItem.Attr("longer", "2"),
                        new HclItem.Block("inner", List.of(), List.of()),
                        new HclItem.Attr("y", "3"),
                        new HclItem.Attr("zz", "4")));
        assertThat(HclPrinter.print(List.of(block, new HclItem.Attr("top", "5"))))
                .isEqualTo(
                        """
                        outer "a" "b\\"c" {
                          x      = 1
                          longer = 2
                          inner {
                          }
                          y  = 3
                          zz = 4
                        }
                        top = 5
                        """);
    }
}
