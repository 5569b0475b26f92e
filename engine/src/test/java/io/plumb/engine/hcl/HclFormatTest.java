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
    void leavesStringTextCommentsAndHeredocsAsWritten() {
        // An interpolation is an expression: its spaces are the layout's, as hclwrite's.
        String text =
                "a = \"two  spaces ${ x }\" # a  comment\nb = <<EOS\n   kept   as ${ is }\nEOS\n/* one\n   two */\n"
                        + "c = {\n  d = [1,  2]\n}\n";
        assertThat(HclFormat.format("a.hcl", text))
                .isEqualTo("a = \"two  spaces ${x}\" # a  comment\nb = <<EOS\n   kept   as ${ is }\nEOS\n/* one\n"
                        + "   two */\nc = {\n  d = [1, 2]\n}\n");
    }

    @Test
    void spacesExpressionsAsHclwrite() {
        String text = "a = [ column.a,column.b ]\nb = varchar( 255 )\nc = sql( \"x\" )\nd = 1+2*-3\ne = ! x\n"
                + "f = { k = 1 }\ng = {   }\nh = x[ 0 ]\ni = decimal(10,2)\nj = a ? b : c\nk = x == -1\n"
                + "l = f(xs ...)\nm = \"${a}${b} ${ c.d }\"\nn = -1\no = [for x in xs: x]\n";
        assertThat(HclFormat.format("a.hcl", text))
                .isEqualTo("a = [column.a, column.b]\nb = varchar(255)\nc = sql(\"x\")\nd = 1 + 2 * -3\ne = !x\n"
                        + "f = { k = 1 }\ng = {}\nh = x[0]\ni = decimal(10, 2)\nj = a ? b : c\nk = x == -1\n"
                        + "l = f(xs...)\nm = \"${a}${b} ${c.d}\"\nn = -1\no = [for x in xs : x]\n");
    }

    @Test
    void alignsOnlyWholeAttributesAndTheCommentsThatEndConsecutiveLines() {
        String text = "t {\n  a = 1 # one\n  long_name = 2 # two\n  cols = [\n    c.x,\n  ]\n  b = 3\n}\n";
        assertThat(HclFormat.format("a.hcl", text))
                .isEqualTo(
                        "t {\n  a         = 1 # one\n  long_name = 2 # two\n  cols = [\n    c.x,\n  ]\n  b = 3\n}\n");
    }

    @Test
    void aHeredocBelongsToItsAttributeLine() {
        // hclwrite reads a heredoc as part of its attribute's line: the attributes around it are one run.
        String text = "v {\n  schema = s\n  as = <<-SQL\n    SELECT 1\n  SQL\n  comment = \"c\"\n}\n";
        assertThat(HclFormat.format("a.hcl", text))
                .isEqualTo("v {\n  schema  = s\n  as      = <<-SQL\n    SELECT 1\n  SQL\n  comment = \"c\"\n}\n");
    }

    @Test
    void blankLinesStayAndLoseTheirSpacesAndIsIdempotent() {
        String text = "a  =  1   \n   \n\n\tb=2\nblock  \"x\"   {\n\n c  {}\n  }";
        String once = HclFormat.format("a.hcl", text);
        assertThat(once).isEqualTo("a = 1\n\n\nb = 2\nblock \"x\" {\n\n  c {}\n}");
        assertThat(HclFormat.format("a.hcl", once)).isEqualTo(once);
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
