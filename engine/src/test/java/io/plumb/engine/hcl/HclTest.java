package io.plumb.engine.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclTest {

    private static Expression expr(String src) {
        return Hcl.parse("x.hcl", "a = " + src + "\n")
                .body()
                .attributes()
                .get(0)
                .expression();
    }

    private static void fails(String src, String message) {
        assertThatThrownBy(() -> Hcl.parse("x.hcl", src))
                .isInstanceOf(HclException.class)
                .hasMessage(message);
    }

    @Test
    void parsesAttributesAndBlocksWithPositions() {
        HclFile file =
                Hcl.parse("s.hcl", "# c\ntable \"users\" x {\n  a = 1 // c\n  /* b */ column \"id\" { t = 2 }\n}\n");
        BlockNode table = file.body().blocks().get(0);
        assertThat(table.type()).isEqualTo("table");
        assertThat(table.labels()).containsExactly("users", "x");
        assertThat(table.pos()).isEqualTo(new Pos("s.hcl", 2, 1));
        AttributeNode a = table.body().attributes().get(0);
        assertThat(a.pos()).isEqualTo(new Pos("s.hcl", 3, 3));
        assertThat(a.expression().pos()).isEqualTo(new Pos("s.hcl", 3, 7));
        BlockNode column = table.body().blocks().get(0);
        assertThat(column.pos()).isEqualTo(new Pos("s.hcl", 4, 11));
        assertThat(column.body().attributes()).extracting(AttributeNode::name).containsExactly("t");
    }

    @Test
    void parsesNumbers() {
        assertThat(expr("42"))
                .isEqualTo(new Expression.Literal(new Value.Num(new BigDecimal("42")), new Pos("x.hcl", 1, 5)));
        assertThat(((Expression.Literal) expr("1.5e3")).value()).isEqualTo(new Value.Num(new BigDecimal("1.5e3")));
    }

    @Test
    void parsesOperatorPrecedence() {
        Expression e = expr("1 + 2 * 3 == 7 || !false");
        assertThat(e).isInstanceOf(Expression.Binary.class);
        Expression.Binary or = (Expression.Binary) e;
        assertThat(or.op()).isEqualTo(TokenKind.OR);
        Expression.Binary eq = (Expression.Binary) or.left();
        assertThat(eq.op()).isEqualTo(TokenKind.EQEQ);
        Expression.Binary plus = (Expression.Binary) eq.left();
        assertThat(plus.op()).isEqualTo(TokenKind.PLUS);
        assertThat(((Expression.Binary) plus.right()).op()).isEqualTo(TokenKind.STAR);
        assertThat(or.right()).isInstanceOf(Expression.Unary.class);
    }

    @Test
    void parsesTraversalsIndexesAndSplats() {
        Expression e = expr("a.b[0].c");
        assertThat(e).isInstanceOf(Expression.GetAttr.class);
        assertThat(((Expression.GetAttr) e).source()).isInstanceOf(Expression.Index.class);
        Expression legacy = expr("x.0");
        assertThat(legacy).isInstanceOf(Expression.Index.class);
        assertThat(expr("x[*].y")).isInstanceOf(Expression.Splat.class);
        assertThat(expr("x.*.y")).isInstanceOf(Expression.Splat.class);
    }

    @Test
    void parsesCallsTuplesObjectsConditionalsAndFor() {
        Expression.Call call = (Expression.Call) expr("f(a, [1, 2]...)");
        assertThat(call.name()).isEqualTo("f");
        assertThat(call.args()).hasSize(2);
        assertThat(call.expandFinal()).isTrue();
        Expression.ObjectCons obj = (Expression.ObjectCons) expr("{\n  k = 1\n  \"s\" = 2, t: 3\n}");
        assertThat(obj.items()).hasSize(3);
        assertThat(expr("a ? b : c")).isInstanceOf(Expression.Conditional.class);
        Expression.For f = (Expression.For) expr("{for k, v in m : k => v... if v}");
        assertThat(f.keyVar()).isEqualTo("k");
        assertThat(f.grouping()).isTrue();
        assertThat(f.condition()).isNotNull();
        Expression.For t = (Expression.For) expr("[for v in m :\n v]");
        assertThat(t.keyVar()).isNull();
        assertThat(t.keyResult()).isNull();
    }

    @Test
    void parsesTemplatesAndEscapes() {
        Expression.Template t = (Expression.Template) expr("\"a\\n\\t\\\"\\\\\\u00e9\\U0001F600 $${x} %%{y} ${b}!\"");
        assertThat(t.parts()).hasSize(3);
        assertThat(((Expression.Literal) t.parts().get(0)).value())
                .isEqualTo(new Value.Str("a\n\t\"\\é\uD83D\uDE00 ${x} %{y} "));
        assertThat(t.parts().get(1)).isInstanceOf(Expression.Variable.class);
    }

    @Test
    void parsesHeredocsAndStripsIndentation() {
        HclFile f = Hcl.parse("x.hcl", "a = <<EOT\n  one\n  two\nEOT\nb = <<-EOT\n    one\n      two\n    EOT\n");
        Expression.Template a =
                (Expression.Template) f.body().attributes().get(0).expression();
        assertThat(a.parts())
                .extracting(p -> ((Expression.Literal) p).value())
                .containsExactly(new Value.Str("  one\n"), new Value.Str("  two\n"));
        Expression.Template b =
                (Expression.Template) f.body().attributes().get(1).expression();
        assertThat(b.parts())
                .extracting(p -> ((Expression.Literal) p).value())
                .containsExactly(new Value.Str("one\n"), new Value.Str("  two\n"));
    }

    @Test
    void closesAHeredocOnAMarkerLineWithBlanksAroundTheMarker() {
        // The reference's scanner trims the line before comparing it with the marker: "SQL  " closes <<-SQL, and
        // the text after it is read as the file goes on, not as more heredoc lines.
        HclFile f = Hcl.parse("x.hcl", "a = <<-SQL\n  one\n  SQL  \nb = <<EOT\ntwo\n\tEOT\t\r\nc = 1\n");
        assertThat(f.body().attributes()).extracting(AttributeNode::name).containsExactly("a", "b", "c");
        Expression.Template a =
                (Expression.Template) f.body().attributes().get(0).expression();
        assertThat(a.parts()).extracting(p -> ((Expression.Literal) p).value()).containsExactly(new Value.Str("one\n"));
        Expression.Template b =
                (Expression.Template) f.body().attributes().get(1).expression();
        assertThat(b.parts()).extracting(p -> ((Expression.Literal) p).value()).containsExactly(new Value.Str("two\n"));
    }

    @Test
    void parsesSingleLineBlocks() {
        HclFile f = Hcl.parse("x.hcl", "b { a = 1 }\nc {}\n");
        assertThat(f.body().blocks()).hasSize(2);
        assertThat(f.body().blocks().get(0).body().attributes()).hasSize(1);
    }

    @Test
    void reportsMissingEquals() {
        fails(
                "table \"t\" {\n  x = 1\n  column\n}\n",
                "x.hcl:3:9: expected \"=\" or a block body after \"column\", found newline");
    }

    @Test
    void reportsUnclosedBlock() {
        fails("\ntable \"t\" {\n  x = 1\n\n\n\n", "x.hcl:7:1: unclosed block \"table\" opened at 2:1");
    }

    @Test
    void reportsUnterminatedString() {
        fails("a = \"abc\n", "x.hcl:1:5: unterminated string");
    }

    @Test
    void reportsDuplicateAttribute() {
        fails("t {\n  type = 1\n  type = 2\n}\n", "x.hcl:3:3: duplicate attribute \"type\" (first defined at 2:3)");
    }

    @Test
    void reportsOtherSyntaxErrors() {
        fails(
                "a = \"%{if x}\"\n",
                "x.hcl:1:6: template directives \"%{...}\" are not supported; write \"%%{\" for a literal \"%{\"");
        fails("a = 1 2\n", "x.hcl:1:7: expected newline after attribute \"a\", found number 2");
        fails("a = [1 2]\n", "x.hcl:1:8: expected \",\" or \"]\" in tuple, found number 2");
        fails(
                "b { a = 1\n c = 2 }\n",
                "x.hcl:1:10: expected \"}\" to close single-line block \"b\" (it holds at most one attribute), found newline");
        fails(
                "a = \"x\\q\"\n",
                "x.hcl:1:7: invalid escape sequence \"\\q\": expected one of \\n \\r \\t \\\" \\\\ \\u \\U");
        fails("a = f(1\n", "x.hcl:2:1: expected \",\" or \")\" in call of \"f\", found end of file");
        fails("a = <<EOT\nabc\n", "x.hcl:3:1: unterminated heredoc: expected \"EOT\", found end of file");
        fails("}\n", "x.hcl:1:1: expected an attribute or a block, found \"}\" without an open block");
        fails("a = \n", "x.hcl:1:5: expected an expression, found newline");
        fails("a = /* x\n", "x.hcl:1:5: unterminated comment: expected \"*/\", found end of file");
        fails("t \"a\" = 1\n", "x.hcl:1:7: expected \"{\" to open block \"t\", found \"=\"");
        fails(
                "a = {b 1}\n",
                "x.hcl:1:8: expected \"=\" or \":\" after object key, found number 2".replace("number 2", "number 1"));
    }

    @Test
    void keepsListOfLabelsAndIdentifierLabels() {
        BlockNode b = Hcl.parse("x.hcl", "a b \"c\" {\n}\n").body().blocks().get(0);
        assertThat(b.labels()).isEqualTo(List.of("b", "c"));
    }

    @Test
    void boundsNestingSoThatHostileInputIsAnErrorNotAStackOverflow() {
        String parens = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        assertThatThrownBy(() -> Hcl.parse("x.hcl", "a = " + parens + "\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:1:205: expression nested too deeply: more than 200 levels");
        assertThatThrownBy(() -> Hcl.parse("x.hcl", "a = " + "!".repeat(5_000) + "true\n"))
                .hasMessage("x.hcl:1:205: expression nested too deeply: more than 200 levels");
        assertThatThrownBy(() -> Hcl.parse("x.hcl", "b {\n".repeat(300) + "}\n".repeat(300)))
                .hasMessage("x.hcl:201:1: blocks nested too deeply: more than 200 levels");
        // Two hundred levels are still fine.
        String ok = "(".repeat(199) + "1" + ")".repeat(199);
        assertThat(Hcl.parse("x.hcl", "a = " + ok + "\n").body().attributes()).hasSize(1);
    }
}
