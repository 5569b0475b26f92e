package io.plumb.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.ExpressionSpan;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputRewriterTest {

    private static final String FILE = "t.test.hcl";

    /** A test file whose first exec's output is {@code first}, and whose second, single-line exec's is "keep". */
    private static String file(String first, String eol) {
        return String.join(
                eol,
                "# header: output = \"not this\"",
                "test \"schema\" \"t\" {",
                "  exec {",
                "    sql    = \"select 1\"",
                "    output = " + first.replace("\n", eol),
                "    # after",
                "  }",
                "  exec { output = \"keep\" }",
                "}",
                "");
    }

    /** Where the first exec's output value starts in {@link #file}. */
    private static final Pos FIRST = new Pos(FILE, 5, 14);

    private static List<Resource> execs(String text) {
        return HclEvaluator.evaluate(List.of(Hcl.parse(FILE, text)), EvalOptions.defaults())
                .resources()
                .get(0)
                .children();
    }

    private static String outputOf(String text, int exec) {
        Value value = execs(text).get(exec).attribute("output").orElseThrow().value();
        return ((Value.Str) value).value();
    }

    private static String rewrite(String text, String actual) {
        return OutputRewriter.rewrite(text, List.of(new OutputUpdate(FIRST, actual)));
    }

    @Test
    void replacesAQuotedValueAndNothingElse() {
        String text = file("\"old\"", "\n");
        String rewritten = rewrite(text, "new \"x\"");
        assertThat(rewritten).isEqualTo(file("\"new \\\"x\\\"\"", "\n"));
        assertThat(outputOf(rewritten, 0)).isEqualTo("new \"x\"");
        assertThat(outputOf(rewritten, 1)).isEqualTo("keep");
    }

    @Test
    void escapesQuotedValues() {
        assertThat(OutputLiteral.quoted("a\\b\"c\td\re\u0001f\u007f ${x} %{y} $${z} \u00e9\uD83D\uDE00 \uD800"))
                .isEqualTo("\"a\\\\b\\\"c\\td\\re\\u0001f\\u007F $${x} %%{y} $$${z} \u00e9\uD83D\uDE00 \\uD800\"");
    }

    @Test
    void multiLineValueOfAQuotedStringBecomesAnIndentedHeredoc() {
        String rewritten = rewrite(file("\"old\"", "\n"), "id,name\n1,${a}");
        assertThat(rewritten).contains("    output = <<-EOT\n      id,name\n      1,$${a}\n    EOT\n    # after\n");
        assertThat(outputOf(rewritten, 0)).isEqualTo("id,name\n1,${a}\n");
    }

    @Test
    void multiLineValueStaysQuotedWhenSomethingFollowsOnItsLine() {
        String text = "exec { output = \"old\" }\nexec {\n  output = \"old\" // why\n}\n";
        String rewritten = OutputRewriter.rewrite(
                text,
                List.of(new OutputUpdate(new Pos(FILE, 1, 17), "a\nb"), new OutputUpdate(new Pos(FILE, 3, 12), "c\n")));
        assertThat(rewritten).isEqualTo("exec { output = \"a\\nb\" }\nexec {\n  output = \"c\\n\" // why\n}\n");
    }

    @Test
    void indentedHeredocKeepsItsMarkerAndIndentation() {
        String text = file("<<-OUT\n\t\t  a\n\t\t  b\n\t\tOUT", "\n");
        String rewritten = rewrite(text, "x\n\n  y\n");
        assertThat(rewritten).contains("    output = <<-OUT\n\t\t  x\n\n\t\t    y\n\t\tOUT\n    # after\n");
        assertThat(outputOf(rewritten, 0)).isEqualTo("x\n\n  y\n");
    }

    @Test
    void indentedHeredocWithAnEmptyBodyTakesTheClosingMarkersIndentation() {
        String rewritten = rewrite(file("<<-EOT\n      EOT", "\n"), "a");
        assertThat(rewritten).contains("output = <<-EOT\n      a\n      EOT\n    # after\n");
    }

    @Test
    void flushHeredocStaysFlushAndOneLineValuesStayHeredocs() {
        String rewritten = rewrite(file("<<EOT\nold\nEOT", "\n"), "  new");
        assertThat(rewritten).contains("output = <<EOT\n  new\nEOT\n    # after\n");
        assertThat(outputOf(rewritten, 0)).isEqualTo("  new\n");
    }

    @Test
    void emptyValueInAHeredocHasNoLines() {
        String rewritten = rewrite(file("<<-EOT\n      old\n    EOT", "\n"), "");
        assertThat(rewritten).contains("output = <<-EOT\n    EOT\n    # after\n");
        assertThat(outputOf(rewritten, 0)).isEmpty();
    }

    @Test
    void indentedHeredocBecomesFlushWhenEveryLineOfTheValueIsIndented() {
        // <<- would strip the value's own common indentation.
        String rewritten = rewrite(file("<<-EOT\n      old\n    EOT", "\n"), "  a\n    b");
        assertThat(rewritten).contains("output = <<EOT\n  a\n    b\n    EOT\n    # after\n");
        assertThat(outputOf(rewritten, 0)).isEqualTo("  a\n    b\n");
    }

    @Test
    void heredocMarkerChangesWhenALineOfTheValueWouldCloseIt() {
        String rewritten = rewrite(file("<<-EOT\n      old\n    EOT", "\n"), "a\n  EOT\nEOT1");
        assertThat(rewritten).contains("output = <<-EOT2\n      a\n        EOT\n      EOT1\n    EOT2\n");
        assertThat(outputOf(rewritten, 0)).isEqualTo("a\n  EOT\nEOT1\n");
    }

    @Test
    void valuesAHeredocCannotHoldStayQuoted() {
        String rewritten = rewrite(file("<<EOT\nold\nEOT", "\n"), "a\r\nb\u0000");
        assertThat(rewritten).contains("output = \"a\\r\\nb\\u0000\"\n    # after\n");
        assertThat(outputOf(rewritten, 0)).isEqualTo("a\r\nb\u0000");
    }

    @Test
    void crlfFileKeepsItsLineEndings() {
        String text = file("\"old\"", "\r\n");
        String rewritten = rewrite(text, "a\nb");
        assertThat(rewritten.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(rewritten).contains("output = <<-EOT\r\n      a\r\n      b\r\n    EOT\r\n    # after\r\n");
        // The lexer keeps a heredoc's carriage returns in its value.
        assertThat(outputOf(rewritten, 0).replace("\r\n", "\n")).isEqualTo("a\nb\n");
    }

    @Test
    void appliesSeveralUpdatesFromTheLastToTheFirst() {
        String text = file("\"old\"", "\n");
        String rewritten = OutputRewriter.rewrite(
                text, List.of(new OutputUpdate(FIRST, "one\ntwo"), new OutputUpdate(new Pos(FILE, 8, 19), "three")));
        assertThat(outputOf(rewritten, 0)).isEqualTo("one\ntwo\n");
        assertThat(outputOf(rewritten, 1)).isEqualTo("three");
        assertThat(rewritten).endsWith("  exec { output = \"three\" }\n}\n");
    }

    @Test
    void equalUpdatesAtOnePositionApplyOnce() {
        String text = file("\"old\"", "\n");
        String rewritten =
                OutputRewriter.rewrite(text, List.of(new OutputUpdate(FIRST, "same"), new OutputUpdate(FIRST, "same")));
        assertThat(rewritten).isEqualTo(file("\"same\"", "\n"));
    }

    @Test
    void differentUpdatesAtOnePositionAreRefused() {
        String text = file("each.value", "\n");
        assertThatThrownBy(() -> OutputRewriter.rewrite(
                        text, List.of(new OutputUpdate(FIRST, "a\nb"), new OutputUpdate(FIRST, "c"))))
                .isInstanceOf(HclException.class)
                .hasMessage("t.test.hcl:5:14: output is shared by several cases that produced different outputs:"
                        + " \"a\\nb\" and \"c\"; update mode cannot choose one, so nothing was rewritten");
    }

    @Test
    void computedOutputsAreRefused() {
        for (String computed : List.of("var.expected", "\"${each.value}\"", "<<EOT\n${x}\nEOT", "upper(\"a\")")) {
            String text = file(computed, "\n");
            assertThatThrownBy(() -> rewrite(text, "x"))
                    .isInstanceOf(HclException.class)
                    .hasMessageStartingWith("t.test.hcl:5:14: output ")
                    .hasMessageContaining("is computed, so update mode cannot rewrite it");
        }
    }

    @Test
    void aRefusalAnywhereRewritesNothing() {
        String text = file("\"old\"", "\n").replace("output = \"keep\"", "output = var.x");
        assertThatThrownBy(() -> OutputRewriter.rewrite(
                        text, List.of(new OutputUpdate(FIRST, "new"), new OutputUpdate(new Pos(FILE, 8, 19), "y"))))
                .isInstanceOf(HclException.class)
                .hasMessage("t.test.hcl:8:19: output var.x is computed, so update mode cannot rewrite it; write the"
                        + " expected output by hand, or as a literal string");
    }

    @Test
    void noUpdatesLeaveTheTextAsItIs() {
        String text = "not even HCL {";
        assertThat(OutputRewriter.rewrite(text, List.of())).isSameAs(text);
    }

    /**
     * For many tricky values and every form the old value may have, the rewritten file evaluates to the new value
     * (a heredoc with a final newline added), and every byte outside the value is unchanged.
     */
    @Test
    void roundTripsTrickyValues() {
        List<String> olds = List.of(
                "\"old\"",
                "\"\"",
                "<<EOT\nold\nEOT",
                "<<-EOT\n      old\n    EOT",
                "<<-X\n\told\n\tX",
                "<<-EOT\n  EOT");
        for (String eol : List.of("\n", "\r\n")) {
            for (String old : olds) {
                for (String value : trickyValues()) {
                    assertRoundTrip(file(old, eol), value);
                }
            }
        }
    }

    private static Stream<String> trickyValuesStream() {
        Stream<String> fixed = Stream.of(
                "",
                "\n",
                "\n\n",
                "plain",
                "quote \" and backslash \\ and \\n",
                "${interp} %{directive} $${escaped} %%{escaped} $ % { }",
                "$",
                "%",
                "trailing spaces   ",
                "tab\there\t",
                "unicode \u00e9 \u4e2d \uD83D\uDE00",
                "a\nb",
                "a\nb\n",
                "  indented\n  all\n",
                "  \n \t\nx",
                "EOT\n  EOT\nX",
                "1,alice\n2,\"bob, jr\"\n",
                "\u2003\nx",
                "cr\r\nlf",
                "nul\u0000 bell\u0007 del\u007f",
                "lone \uD800 surrogate");
        Random random = new Random(42);
        String alphabet = "ab \t\n\"\\${}%\u00e9EOTX\r\u0001";
        Stream<String> generated = Stream.generate(() -> {
                    StringBuilder s = new StringBuilder();
                    int length = random.nextInt(14);
                    for (int i = 0; i < length; i++) {
                        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    return s.toString();
                })
                .limit(150);
        return Stream.concat(fixed, generated);
    }

    private static List<String> trickyValues() {
        return trickyValuesStream().toList();
    }

    private static void assertRoundTrip(String text, String value) {
        ExpressionSpan old = ExpressionSpan.at(text, FIRST);
        String rewritten = rewrite(text, value);
        ExpressionSpan now = ExpressionSpan.at(rewritten, FIRST);
        String what = "value " + OutputLiteral.quoted(value) + " over " + OutputLiteral.quoted(old.source(text));
        assertThat(rewritten.substring(0, now.startOffset()))
                .as("text before, " + what)
                .isEqualTo(text.substring(0, old.startOffset()));
        assertThat(rewritten.substring(now.endOffset()))
                .as("text after, " + what)
                .isEqualTo(text.substring(old.endOffset()));
        assertThat(now.isLiteral()).as(what).isTrue();
        String expected = value;
        String actual = outputOf(rewritten, 0);
        if (now.form() == ExpressionSpan.Form.HEREDOC) {
            expected = value.isEmpty() || value.endsWith("\n") ? value : value + "\n";
            // A heredoc in a CRLF file holds the file's carriage returns.
            actual = actual.replace("\r\n", "\n");
        }
        assertThat(actual).as(what).isEqualTo(expected);
        assertThat(outputOf(rewritten, 1)).as(what).isEqualTo("keep");
    }

    @Test
    void rewritesAFileInPlaceKeepingItsPermissions(@TempDir Path dir) throws Exception {
        Path path = dir.resolve(FILE);
        Files.writeString(path, file("\"old\"", "\r\n"), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
        OutputRewriter.rewriteFile(path, List.of(new OutputUpdate(FIRST, "new")));
        assertThat(Files.readString(path)).isEqualTo(file("\"new\"", "\r\n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-r-----");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(path);
        }
    }

    @Test
    void rewritesALinkedTestFileThroughTheLink(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("real")).resolve(FILE);
        Files.writeString(real, file("\"old\"", "\n"), StandardCharsets.UTF_8);
        Path link = Files.createSymbolicLink(dir.resolve(FILE), Path.of("real", FILE));
        OutputRewriter.rewriteFile(link, List.of(new OutputUpdate(FIRST, "new")));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(file("\"new\"", "\n"));
    }

    @Test
    void refusedRewriteLeavesTheFileUnchanged(@TempDir Path dir) throws Exception {
        Path path = dir.resolve(FILE);
        String text = file("var.x", "\n");
        Files.writeString(path, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OutputRewriter.rewriteFile(path, List.of(new OutputUpdate(FIRST, "new"))))
                .isInstanceOf(HclException.class);
        assertThat(Files.readString(path)).isEqualTo(text);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(path);
        }
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        Path path = dir.resolve("missing.test.hcl");
        assertThatThrownBy(() -> OutputRewriter.rewriteFile(path, List.of(new OutputUpdate(FIRST, "new"))))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("rewriting outputs in " + path + ": ");
    }
}
