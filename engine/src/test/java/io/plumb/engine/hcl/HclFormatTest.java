package io.plumb.engine.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HclFormatTest {

    @Test
    void indentsCollapsesBlanksAndSpacesTheEquals() {
        String messy = "table   \"pets\"{\n schema=schema.main\n      column \"id\"   {\n type = int\n}\n}\n";
        assertThat(HclFormat.format("a.hcl", messy))
                .isEqualTo("table \"pets\" {\n  schema = schema.main\n  column \"id\" {\n    type = int\n  }\n}\n");
    }

    @Test
    void alignsTheEqualsOfConsecutiveAttributesOfOneLevel() {
        String text = "env \"a\" {\n  url = \"x\"\n  dev_url = \"y\"\n\n  src = \"z\"\n  migration {\n    dir = \"d\"\n"
                + "  }\n  a = 1\n}\n";
        assertThat(HclFormat.format("a.hcl", text))
                .isEqualTo("env \"a\" {\n  url     = \"x\"\n  dev_url = \"y\"\n\n  src = \"z\"\n  migration {\n"
                        + "    dir = \"d\"\n  }\n  a = 1\n}\n");
    }

    @Test
    void leavesStringsCommentsAndHeredocsAsWritten() {
        String text = "a = \"two  spaces ${ x }\" # a  comment\nb = <<EOS\n   kept   as is\nEOS\n/* one\n   two */\n"
                + "c = {\n  d = [1,  2]\n}\n";
        assertThat(HclFormat.format("a.hcl", text))
                .isEqualTo("a = \"two  spaces ${ x }\" # a  comment\nb = <<EOS\n   kept   as is\nEOS\n/* one\n"
                        + "   two */\nc = {\n  d = [1, 2]\n}\n");
    }

    @Test
    void leavesAFormattedFileAlone() {
        String formatted = "block \"x\" {\n  x = 1\n  y = 2\n}\n";
        assertThat(HclFormat.format("a.hcl", formatted)).isEqualTo(formatted);
    }

    @Test
    void refusesAFileThatDoesNotParse() {
        assertThatThrownBy(() -> HclFormat.format("bad.hcl", "block \"x\" {\n  x = \n"))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("bad.hcl:");
    }
}
