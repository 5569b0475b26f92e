package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GoRegexTest {
    private static boolean finds(String goPattern, String text) {
        return GoRegex.compile(goPattern).matcher(text).find();
    }

    private static String first(String goPattern, String text) {
        return GoRegex.firstMatch(GoRegex.compile(goPattern), text).orElseThrow();
    }

    @Nested
    class LinesAndAnchors {
        @Test
        void compileIsMultiLine() {
            assertThat(finds("^b$", "a\nb\nc")).isTrue();
        }

        @Test
        void emptyPatternAlwaysMatches() {
            assertThat(finds("", "")).isTrue();
            assertThat(finds("", "anything")).isTrue();
        }

        @Test
        void onlyNewlineEndsALine() {
            assertThat(finds("a.b", "a\rb")).isTrue();
            assertThat(finds("a$", "a\r\n")).isFalse();
            assertThat(finds("a.b", "a\nb")).isFalse();
        }

        @Test
        void beginLineMatchesAtEndOfTextAfterFinalNewline() {
            // Go's (?m)^ holds after any \n, even at the end of the text; Java's does not.
            assertThat(finds("^$", "a\n")).isTrue();
            assertThat(GoRegex.countMatches(GoRegex.compile("^"), "a\nb\n")).isEqualTo(3);
        }

        @Test
        void withoutMultiLineDollarMatchesOnlyAtEndOfText() {
            assertThat(finds("(?-m)a$", "a\n")).isFalse();
            assertThat(finds("(?-m)a$", "a")).isTrue();
            assertThat(finds("(?-m)^b", "a\nb")).isFalse();
        }

        @Test
        void dotMatchesNewlineOnlyWithFlagS() {
            assertThat(finds("(?s)a.b", "a\nb")).isTrue();
            assertThat(finds("(?s:a.)(b.)", "a\nbc")).isTrue();
            assertThat(finds("(?s:a.)(b.)", "a\nb\n")).isFalse();
        }

        @Test
        void wordBoundaryIsAscii() {
            // é is not a Go word character, so x|é is a boundary; JDK 17's \b counts é as a letter.
            assertThat(finds("x\\b", "xé")).isTrue();
            assertThat(finds("x\\B", "xé")).isFalse();
            assertThat(finds("\\bfoo\\b", "a foo b")).isTrue();
            assertThat(finds("\\bfoo\\b", "afoob")).isFalse();
        }
    }

    @Nested
    class Syntax {
        @Test
        void pythonNamedGroupBecomesJavaNamedGroup() {
            Matcher m = GoRegex.compile("(?P<word>x+)y").matcher("axxy");
            assertThat(m.find()).isTrue();
            assertThat(m.group("word")).isEqualTo("xx");
        }

        @Test
        void angleNamedGroupIsAccepted() {
            Matcher m = GoRegex.compile("(?<n>[0-9]+)").matcher("ab12");
            assertThat(m.find()).isTrue();
            assertThat(m.group("n")).isEqualTo("12");
        }

        @Test
        void goOnlyGroupNamesStillCapture() {
            Matcher m = GoRegex.compile("(?P<first_word>\\w+) (?P<first_word2>\\w+)")
                    .matcher("ab cd");
            assertThat(m.find()).isTrue();
            assertThat(m.group(1)).isEqualTo("ab");
            assertThat(m.group(2)).isEqualTo("cd");
        }

        @Test
        void ungreedyFlagSwapsGreediness() {
            assertThat(first("(?U)a+", "aaa")).isEqualTo("a");
            assertThat(first("(?U)a+?", "aaa")).isEqualTo("aaa");
            assertThat(first("(?U:a{1,3})", "aaa")).isEqualTo("a");
        }

        @Test
        void ungreedyFlagEndsWithItsGroup() {
            Matcher m = GoRegex.compile("((?U)a+)(a+)").matcher("aaaa");
            assertThat(m.find()).isTrue();
            assertThat(m.group(1)).isEqualTo("a");
            assertThat(first("(x(?U))a+", "xaaa")).isEqualTo("xaaa");
        }

        @Test
        void caseFoldingIsUnicode() {
            assertThat(finds("(?i)é", "É")).isTrue();
            assertThat(finds("(?i:a)b", "AB")).isFalse();
            assertThat(finds("(?i:a)b", "Ab")).isTrue();
        }

        @Test
        void flagGroupDoesNotSeparateARepetitionFromItsOperand() {
            assertThat(first("k(?i)*a", "kkkA")).isEqualTo("kkkA");
            assertThat(first("x(?i)+", "xx")).isEqualTo("xx");
        }

        @Test
        void perlSpaceExcludesVerticalTab() {
            assertThat(finds("\\s", "\u000b")).isFalse();
            assertThat(finds("\\S", "\u000b")).isTrue();
            assertThat(finds("[\\s]", "\u000b")).isFalse();
            assertThat(finds("[^\\S]", "\t")).isTrue();
        }

        @Test
        void backslashVIsVerticalTabOnly() {
            assertThat(finds("\\v", "\u000b")).isTrue();
            assertThat(finds("\\v", "\n")).isFalse();
        }

        @Test
        void octalAndHexEscapes() {
            assertThat(finds("^\\101\\0$", "A\0")).isTrue();
            assertThat(finds("\\x41\\x{263a}", "A\u263a")).isTrue();
            assertThat(finds("\\a\\f\\t\\n\\r", "\u0007\f\t\n\r")).isTrue();
        }

        @Test
        void escapedPunctuationIsLiteral() {
            assertThat(finds("\\.\\_\\-\\#", "._-#")).isTrue();
            assertThat(finds("\\.", "a")).isFalse();
        }

        @Test
        void quotedTextIsLiteralAndARepetitionTakesItsLastCharacter() {
            assertThat(first("\\Q.*\\E", "a.*b")).isEqualTo(".*");
            assertThat(first("\\Qab\\E*", "abbb")).isEqualTo("abbb");
            assertThat(first("x\\Q(y", "x(y")).isEqualTo("x(y");
        }

        @Test
        void braceIsLiteralUnlessItIsARepeat() {
            assertThat(first("a{", "a{")).isEqualTo("a{");
            assertThat(first("a{,2}", "a{,2}")).isEqualTo("a{,2}");
            assertThat(first("a{01}", "a{01}")).isEqualTo("a{01}");
            assertThat(first("a{2}", "aaa")).isEqualTo("aa");
            assertThat(first("a{2,}", "aaaa")).isEqualTo("aaaa");
            assertThat(first("a{1,2}?", "aaa")).isEqualTo("a");
        }

        @Test
        void squareBracketAndAmpersandInsideClassAreLiteral() {
            // Java would read [a[b] as a nested class and && as an intersection.
            assertThat(finds("^[a[b]$", "[")).isTrue();
            assertThat(finds("^[a&&b]$", "&")).isTrue();
        }

        @Test
        void closingBracketFirstInClassIsLiteral() {
            assertThat(finds("^[]a]$", "]")).isTrue();
            assertThat(finds("^[^]a]$", "b")).isTrue();
            assertThat(finds("^[^]a]$", "]")).isFalse();
        }

        @Test
        void dashIsLiteralAtClassEdgesAndAfterRange() {
            assertThat(finds("^[a-]+$", "a-a")).isTrue();
            assertThat(finds("^[a-c-e]+$", "b-e")).isTrue();
            assertThat(finds("^[a-c-e]+$", "d")).isFalse();
        }

        @Test
        void unicodeClasses() {
            assertThat(finds("^\\pL+$", "héllo")).isTrue();
            assertThat(finds("^\\p{Greek}+$", "αβγ")).isTrue();
            assertThat(finds("\\p{Greek}", "abc")).isFalse();
            assertThat(finds("^\\P{Greek}$", "a")).isTrue();
            assertThat(finds("^\\p{^Greek}$", "α")).isFalse();
            assertThat(finds("^[\\p{Lu}\\d]+$", "AB12")).isTrue();
            assertThat(finds("^\\p{Any}$", "\n")).isTrue();
        }
    }

    static Stream<Arguments> posixClasses() {
        return Stream.of(
                arguments("alnum", "aZ09", "_-é"),
                arguments("alpha", "azAZ", "0_é"),
                arguments("ascii", "\u0000a~\u007f", "é"),
                arguments("blank", " \t", "\n\u000b"),
                arguments("cntrl", "\u0000\u001f\u007f", " a"),
                arguments("digit", "0189", "aé"),
                arguments("graph", "!~a0", " \t"),
                arguments("lower", "az", "AZ0"),
                arguments("print", " ~a", "\t\u007f"),
                arguments("punct", "!/:@[`{~", "a0 "),
                arguments("space", " \t\n\u000b\f\r", "a\u0085"),
                arguments("upper", "AZ", "az0"),
                arguments("word", "aZ0_", "-é"),
                arguments("xdigit", "09afAF", "gG"));
    }

    @ParameterizedTest(name = "[[:{0}:]]")
    @MethodSource("posixClasses")
    void posixClassMatchesAsGo(String name, String members, String nonMembers) {
        Pattern p = GoRegex.compile("^[[:" + name + ":]]$");
        Pattern negated = GoRegex.compile("^[[:^" + name + ":]]$");
        members.codePoints().mapToObj(Character::toString).forEach(c -> {
            assertThat(p.matcher(c).find()).as("%s matches %s", name, c).isTrue();
            assertThat(negated.matcher(c).find())
                    .as("^%s does not match %s", name, c)
                    .isFalse();
        });
        nonMembers.codePoints().mapToObj(Character::toString).forEach(c -> {
            assertThat(p.matcher(c).find()).as("%s does not match %s", name, c).isFalse();
            assertThat(negated.matcher(c).find()).as("^%s matches %s", name, c).isTrue();
        });
    }

    @Test
    void posixClassCombinesWithOtherClassMembers() {
        assertThat(finds("^[[:digit:]x-z]+$", "1x9z")).isTrue();
        assertThat(finds("^[^[:digit:]]$", "5")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "(a|missing closing ): `(?m)(a`",
                "a)|unexpected ): `(?m)a)`",
                "[a|missing closing ]: `[a`",
                "[]|missing closing ]: `[]`",
                "x[[:alpha:]|missing closing ]: `[[:alpha:]`",
                "*|missing argument to repetition operator: `*`",
                "(+)|missing argument to repetition operator: `+`",
                "(?:{2})|missing argument to repetition operator: `{2}`",
                "a**|invalid nested repetition operator: `**`",
                "a*?+|invalid nested repetition operator: `*?+`",
                "a{2}{3}|invalid nested repetition operator: `{2}{3}`",
                "a{1001}|invalid repeat count: `{1001}`",
                "a{2,1}|invalid repeat count: `{2,1}`",
                "(?z)|invalid or unsupported Perl syntax: `(?z`",
                "(?=a)|invalid or unsupported Perl syntax: `(?=`",
                "(?i-)|invalid or unsupported Perl syntax: `(?i-)`",
                "(?i|invalid or unsupported Perl syntax: `(?i`",
                "(?<=a)|invalid named capture: `(?<=a)`",
                "(?P<>a)|invalid named capture: `(?P<>`",
                "(?P<a-b>x)|invalid named capture: `(?P<a-b>`",
                "\\C|invalid escape sequence: `\\C`",
                "\\1|invalid escape sequence: `\\1`",
                "\\8|invalid escape sequence: `\\8`",
                "\\Z|invalid escape sequence: `\\Z`",
                "\\xZZ|invalid escape sequence: `\\xZZ`",
                "\\x{}|invalid escape sequence: `\\x{}`",
                "[\\b]|invalid escape sequence: `\\b`",
                "a\\|trailing backslash at end of expression: ``",
                "[z-a]|invalid character class range: `z-a`",
                "[[:foo:]]|invalid character class range: `[:foo:]`",
                "\\p{Foo}|invalid character class range: `\\p{Foo}`",
                "\\p{greek}|invalid character class range: `\\p{greek}`",
            })
    void badPatternFailsWithGoMessage(String pattern, String message) {
        assertThatThrownBy(() -> GoRegex.compile(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("error parsing regexp: " + message);
    }

    @Test
    void compileExactDoesNotAddMultiLine() {
        assertThat(GoRegex.compileExact("^b").matcher("a\nb").find()).isFalse();
        assertThatThrownBy(() -> GoRegex.compileExact("(a"))
                .hasMessage("error parsing regexp: missing closing ): `(a`");
    }

    @Nested
    class Counting {
        private int count(String goPattern, String text) {
            return GoRegex.countMatches(GoRegex.compile(goPattern), text);
        }

        @Test
        void matchesDoNotOverlap() {
            assertThat(count("a", "aaa")).isEqualTo(3);
            assertThat(count("aa", "aaaa")).isEqualTo(2);
            assertThat(count("aa", "aaa")).isEqualTo(1);
            assertThat(count("x", "aaa")).isZero();
        }

        @Test
        void emptyMatchRightAfterPreviousMatchIsNotCounted() {
            // Go: FindAllString("baaac") for a* is "", "aaa", "" (no empty match at 4, right after "aaa").
            assertThat(count("a*", "baaac")).isEqualTo(3);
            assertThat(count("a*", "aaa")).isEqualTo(1);
        }

        @Test
        void emptyPatternMatchesAtEveryRune() {
            assertThat(count("", "ab")).isEqualTo(3);
            assertThat(count("", "")).isEqualTo(1);
            assertThat(count("", "\ud83d\ude00")).isEqualTo(2);
        }

        @Test
        void linesAreCountedWithMultiLineAnchors() {
            assertThat(count("^ok", "ok 1\nok 2\nfail\nok 3\n")).isEqualTo(3);
            assertThat(count("(?m)^$", "a\n\nb\n")).isEqualTo(2);
        }
    }

    @Test
    void firstMatchReturnsLeftmostMatchOrEmpty() {
        Pattern p = GoRegex.compile("b+");
        assertThat(GoRegex.firstMatch(p, "abbcbbb")).contains("bb");
        assertThat(GoRegex.firstMatch(p, "acd")).isEmpty();
    }

    @Test
    void quoteMetaEscapesGoSpecialCharacters() {
        assertThat(GoRegex.quoteMeta("\\.+*?()|[]{}^$")).isEqualTo("\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$");
        assertThat(GoRegex.quoteMeta("a-b #/é")).isEqualTo("a-b #/é");
    }

    @Test
    void quoteMetaResultMatchesItsInputLiterally() {
        String text = "price: $1.50 (approx) [x|y] {a^b} \\ ok?*+";
        Pattern p = GoRegex.compile("^" + GoRegex.quoteMeta(text) + "$");
        assertThat(p.matcher(text).find()).isTrue();
        assertThat(p.matcher(text.replace('.', 'x')).find()).isFalse();
    }

    @Nested
    class FlagGroupsBetweenTokens {
        @Test
        void aFlagGroupLetsARepetitionApplyToARepetition() {
            // Go parses a{2}(?i)* as (a{2})*: the flag group is no operand and resets the nested-repetition check.
            // Expected figures are Go 1.19's.
            Pattern p = GoRegex.compile("^(?:a|b){2}(?m)+$");
            assertThat(GoRegex.countMatches(p, "abab\nab\naba\n")).isEqualTo(2);
            assertThat(GoRegex.firstMatch(p, "abab\nab\naba\n")).contains("abab");
        }

        @Test
        void consecutiveFlagGroupsLeaveTheRepetitionToTheTokenBefore() {
            Pattern p = GoRegex.compile("x(?s)(?i)?y");
            assertThat(GoRegex.firstMatch(p, "y")).contains("y");
            assertThat(GoRegex.firstMatch(p, "xY")).contains("xY");
        }

        @Test
        void directlyNestedRepetitionIsStillAnError() {
            assertThatThrownBy(() -> GoRegex.compile("a**"))
                    .hasMessage("error parsing regexp: invalid nested repetition operator: `**`");
        }
    }
}
