package io.plumb.engine.hcl;

import static io.plumb.engine.hcl.HclEvaluatorTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Regression tests for the inputs {@link HclFuzzTest} found crashing or hanging the read path. */
class HclHostileInputTest {

    private static final String RANGE = "expected at most 10000 digits and an exponent between -10000 and 10000";

    static void fails(String expr, String message) {
        assertThatThrownBy(() -> value(expr)).isInstanceOf(HclException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1e999999999 + 1 | x.hcl:2:7: number out of range: " + RANGE + ", found 1E+999999999",
                "1e99999999999 | x.hcl:2:7: number out of range: " + RANGE + ", found 1e99999999999",
                "-1e-999999999 | x.hcl:2:8: number out of range: " + RANGE + ", found 1E-999999999",
                "tonumber(\"1e999999999\") | x.hcl:2:7: number out of range: " + RANGE + ", found 1E+999999999",
                "jsondecode(\"[1e999999999]\") | x.hcl:2:7: number out of range: " + RANGE + ", found 1E+999999999",
                "1e9999 * 1e9999 | x.hcl:2:14: number out of range: " + RANGE + ", found 1E+19998",
                "1e9999 / 1e-9999 | x.hcl:2:14: number out of range: " + RANGE + ", found 1E+19998",
                "1e9999 % 1e-9999 | x.hcl:2:14: number out of range: " + RANGE + ", found a quotient of about 1E+19998",
                "pow(1.5, 9999) | x.hcl:2:7: function \"pow\": result of number 1.5 to the power 9999 is out of range: "
                        + RANGE,
            })
    void numbersOutOfRangeAreErrorsNotHangs(String expr, String message) {
        fails(expr, message);
    }

    @Test
    void numbersWithinRangeStillWork() {
        assertThat(((Value.Num) value("pow(10, 9999) / pow(10, 9998)")).value()).isEqualByComparingTo("10");
        assertThat(value("7 % 3")).isEqualTo(HclEvaluatorTest.num("1"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "format(\"%999999999d\", 1) | x.hcl:2:7: function \"format\": format width must be at most 10000,"
                        + " found 999999999",
                "format(\"%.999999999f\", 1) | x.hcl:2:7: function \"format\": format precision must be at most 10000,"
                        + " found 999999999",
                "format(\"%99999999999s\", 1) | x.hcl:2:7: function \"format\": format width must be at most 10000,"
                        + " found 99999999999",
            })
    void hugeFormatWidthsAreErrors(String expr, String message) {
        fails(expr, message);
    }

    @Test
    void formatWidthsWithinTheCapStillPad() {
        assertThat(value("format(\"%05d|%-3s|%.2f\", 42, \"a\", 1.005)")).isEqualTo(new Value.Str("00042|a  |1.00"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "replace(\"abc\", \"/b/\", \"$9\") | ac",
                "replace(\"abc\", \"/(b)/\", \"$\") | a$c",
                "replace(\"abc\", \"/(b)/\", \"<$$>\") | a<$>c",
                "replace(\"abc\", \"/(b)/\", \"\\\\\") | a\\c",
                "replace(\"abc\", \"/(?P<x>b)/\", \"$${x}$${nope}$1\") | abbc",
                "regexreplace(\"a1b22\", \"([0-9]+)\", \"<$${1}>\") | a<1>b<22>",
            })
    void replacementsExpandAsGoDoes(String expr, String expected) {
        assertThat(value(expr)).isEqualTo(new Value.Str(expected));
    }

    @Test
    void aNamedGroupLookalikeInACharacterClassIsNotAGroup() {
        assertThat(value("regex(\"[(?<a>]\", \"<\")")).isEqualTo(new Value.Str("<"));
    }

    @Test
    void catastrophicBacktrackingIsAnError() {
        fails(
                "regex(\"(.*a){25}\", \"" + "a".repeat(30) + "!\")",
                "x.hcl:2:7: function \"regex\": regular expression \"(.*a){25}\" is too costly to match on this text;"
                        + " expected a pattern that backtracks less");
    }

    @Test
    void aDeviceIsNotRead() {
        fails(
                "file(\"/dev/zero\")",
                "x.hcl:2:7: function \"file\": file \"/dev/zero\" is not a regular file; expected a regular file");
    }

    @Test
    void aDirectoryIsNotRead(@TempDir Path dir) {
        String d = dir.toString().replace("\\", "/");
        fails(
                "file(\"" + d + "\")",
                "x.hcl:2:7: function \"file\": file \"" + d + "\" is a directory; expected a regular file");
    }

    @Test
    void aPathWithNulIsAnError() {
        fails(
                "file(\"a\\u0000b\")",
                "x.hcl:2:7: function \"file\": expected a file path, found \"a\u0000b\": Nul character not allowed");
    }

    @Test
    void aFileThatIsNotUtf8IsAnError(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("bad.txt"), new byte[] {'a', (byte) 0xff});
        String p = f.toString().replace("\\", "/");
        fails("file(\"" + p + "\")", "x.hcl:2:7: function \"file\": file \"" + p + "\" is not valid UTF-8");
    }

    @Test
    void aRegularFileIsStillRead(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("ok.sql"), "select 1;\n");
        assertThat(value("file(\"" + f.toString().replace("\\", "/") + "\")")).isEqualTo(new Value.Str("select 1;\n"));
    }

    @Test
    void invisibleCharactersAreNamedByCodePoint() {
        assertThatThrownBy(() -> Hcl.parse("bom.hcl", "\uFEFFschema \"main\" {}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("bom.hcl:1:1: unexpected character U+FEFF (a byte order mark; save the file as UTF-8"
                        + " without one)");
        assertThatThrownBy(() -> Hcl.parse("zw.hcl", "schema \"main\" {\n  \u200B\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("zw.hcl:2:3: unexpected character U+200B");
    }
}
