package io.plumb.engine.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionSpanTest {

    /** Returns the span of attribute {@code v}'s value, at the start the parser recorded for it. */
    private static ExpressionSpan spanOf(String text) {
        return ExpressionSpan.at(text, startOf(text, "v"));
    }

    private static Pos startOf(String text, String attribute) {
        return find(Hcl.parse("x.hcl", text).body(), attribute);
    }

    private static Pos find(Body body, String attribute) {
        for (AttributeNode a : body.attributes()) {
            if (a.name().equals(attribute)) {
                return a.expression().start();
            }
        }
        for (BlockNode block : body.blocks()) {
            try {
                return find(block.body(), attribute);
            } catch (IllegalArgumentException e) {
                // not in this block
            }
        }
        throw new IllegalArgumentException("no attribute " + attribute);
    }

    @Test
    void quotedStringWithEscapesEndsAtItsClosingQuote() {
        String text = "t {\n  v = \"a\\\"b\\\\ $${x} %%{y} \\u00e9\" # \"not this\"\n  w = 1\n}\n";
        ExpressionSpan span = spanOf(text);
        assertThat(span.source(text)).isEqualTo("\"a\\\"b\\\\ $${x} %%{y} \\u00e9\"");
        assertThat(span.form()).isEqualTo(ExpressionSpan.Form.STRING);
        assertThat(span.isLiteral()).isTrue();
        assertThat(span.startOffset()).isEqualTo(text.indexOf('"'));
    }

    @Test
    void emptyStringIsALiteral() {
        String text = "t {\n  v = \"\"\n}\n";
        assertThat(spanOf(text).source(text)).isEqualTo("\"\"");
        assertThat(spanOf(text).form()).isEqualTo(ExpressionSpan.Form.STRING);
    }

    @Test
    void interpolatedStringIsComputedAndEndsAfterNestedQuotes() {
        String text = "t {\n  v = \"a ${upper(\"}\\\"\")} b\" // c\n}\n";
        ExpressionSpan span = spanOf(text);
        assertThat(span.source(text)).isEqualTo("\"a ${upper(\"}\\\"\")} b\"");
        assertThat(span.form()).isEqualTo(ExpressionSpan.Form.COMPUTED);
        assertThat(span.isLiteral()).isFalse();
    }

    @Test
    void heredocEndsAtItsClosingMarkerBeforeTheNewline() {
        String text = "t {\n  v = <<-EOT\n    a \"b\" $${c}\n    EOTX\n\n    EOT\n  w = 1\n}\n";
        ExpressionSpan span = spanOf(text);
        assertThat(span.source(text)).isEqualTo("<<-EOT\n    a \"b\" $${c}\n    EOTX\n\n    EOT");
        assertThat(span.form()).isEqualTo(ExpressionSpan.Form.HEREDOC);
        assertThat(text.charAt(span.endOffset())).isEqualTo('\n');
    }

    @Test
    void flushHeredocAndEmptyHeredocAreLiterals() {
        String flush = "t {\n  v = <<EOT\nline\nEOT\n}\n";
        assertThat(spanOf(flush).source(flush)).isEqualTo("<<EOT\nline\nEOT");
        assertThat(spanOf(flush).form()).isEqualTo(ExpressionSpan.Form.HEREDOC);
        String empty = "t {\n  v = <<EOT\nEOT\n}\n";
        assertThat(spanOf(empty).source(empty)).isEqualTo("<<EOT\nEOT");
    }

    @Test
    void heredocWithInterpolationIsComputed() {
        String text = "t {\n  v = <<EOT\nx ${y}\nEOT\n}\n";
        assertThat(spanOf(text).form()).isEqualTo(ExpressionSpan.Form.COMPUTED);
        assertThat(spanOf(text).source(text)).isEqualTo("<<EOT\nx ${y}\nEOT");
    }

    @Test
    void otherExpressionsAreComputedWithTheirWholeText() {
        assertSpan("var.x[0].y", ExpressionSpan.Form.COMPUTED);
        assertSpan("\"a\" == \"b\"", ExpressionSpan.Form.COMPUTED);
        assertSpan("join(\",\", [\"a\",\n    \"b\"])", ExpressionSpan.Form.COMPUTED);
        assertSpan("(\"a\")", ExpressionSpan.Form.COMPUTED);
        assertSpan("x ? \"a\" : \"b\"", ExpressionSpan.Form.COMPUTED);
        assertSpan("each.value.out", ExpressionSpan.Form.COMPUTED);
        assertSpan("42", ExpressionSpan.Form.COMPUTED);
    }

    private static void assertSpan(String expression, ExpressionSpan.Form form) {
        String text = "t {\n  v = " + expression + " # comment\n  w = 2\n}\n";
        ExpressionSpan span = spanOf(text);
        assertThat(span.source(text)).isEqualTo(expression);
        assertThat(span.form()).isEqualTo(form);
    }

    @Test
    void valueOfASingleLineBlockEndsBeforeTheBrace() {
        String text = "exec { v = \"x}\" }\n";
        assertThat(spanOf(text).source(text)).isEqualTo("\"x}\"");
    }

    @Test
    void columnsCountCharsSoSurrogatePairsAndCarriageReturnsShiftThem() {
        String text = "t \"\uD83D\uDE00\" { v = \"\u00e9\uD83D\uDE00\" }\r\nu {\r\n  v = <<EOT\r\nx\r\nEOT\r\n}\r\n";
        ExpressionSpan first = ExpressionSpan.at(text, new Pos("x.hcl", 1, 14));
        assertThat(first.source(text)).isEqualTo("\"\u00e9\uD83D\uDE00\"");
        ExpressionSpan heredoc = ExpressionSpan.at(text, new Pos("x.hcl", 3, 7));
        assertThat(heredoc.source(text)).isEqualTo("<<EOT\r\nx\r\nEOT");
        assertThat(heredoc.form()).isEqualTo(ExpressionSpan.Form.HEREDOC);
    }

    @Test
    void findsSeveralSpansInOrder() {
        String text = "a {\n  v = \"1\"\n}\nb {\n  v = <<EOT\n2\nEOT\n}\n";
        List<ExpressionSpan> spans = ExpressionSpan.at(text, List.of(new Pos("x.hcl", 5, 7), new Pos("x.hcl", 2, 7)));
        assertThat(spans).extracting(s -> s.source(text)).containsExactly("<<EOT\n2\nEOT", "\"1\"");
        assertThat(ExpressionSpan.at(text, List.of())).isEmpty();
    }

    @Test
    void refusesAPositionWhereNoTokenStarts() {
        String text = "t {\n  v = \"x\"\n}\n";
        assertThatThrownBy(() -> ExpressionSpan.at(text, new Pos("x.hcl", 2, 6)))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:2:6: no expression starts at this position");
        assertThatThrownBy(() -> ExpressionSpan.at(text, new Pos("x.hcl", 9, 1)))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:9:1: no expression starts at this position");
    }

    @Test
    void refusesAPositionWhereNoExpressionStarts() {
        String text = "t {\n  v = \"x\"\n}\n";
        assertThatThrownBy(() -> ExpressionSpan.at(text, new Pos("x.hcl", 2, 5)))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:2:5: expected an expression, found \"=\"");
    }
}
