package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoQuoteTest {
    @Test
    void sharpQBackquotesPlainText() {
        assertThat(GoQuote.sharpQ("^ok\\s+(a|b)$")).isEqualTo("`^ok\\s+(a|b)$`");
        assertThat(GoQuote.sharpQ("")).isEqualTo("``");
    }

    @Test
    void sharpQBackquotesTabAndNonAsciiEvenInvisible() {
        assertThat(GoQuote.sharpQ("a\tb")).isEqualTo("`a\tb`");
        assertThat(GoQuote.sharpQ("héllo ✓")).isEqualTo("`héllo ✓`");
        // CanBackquote assumes every correctly encoded multibyte rune is printable.
        assertThat(GoQuote.sharpQ("a\u00a0b")).isEqualTo("`a\u00a0b`");
    }

    @Test
    void sharpQFallsBackToQuoteForBackquoteControlsDelAndBom() {
        assertThat(GoQuote.sharpQ("a`b")).isEqualTo("\"a`b\"");
        assertThat(GoQuote.sharpQ("a\nb")).isEqualTo("\"a\\nb\"");
        assertThat(GoQuote.sharpQ("\u007f")).isEqualTo("\"\\x7f\"");
        assertThat(GoQuote.sharpQ("\ufeffx")).isEqualTo("\"\\ufeffx\"");
    }

    @Test
    void canBackquoteRejectsInvalidUtf8() {
        assertThat(GoQuote.canBackquote("\ud800")).isFalse();
        assertThat(GoQuote.canBackquote("\ud83d\ude00")).isTrue();
    }

    @Test
    void quoteUsesCEscapes() {
        assertThat(GoQuote.quote("\u0007\b\f\n\r\t\u000b")).isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\"");
    }

    @Test
    void quoteBackslashesQuoteAndBackslashButNotApostrophe() {
        assertThat(GoQuote.quote("a\"b\\c'd")).isEqualTo("\"a\\\"b\\\\c'd\"");
    }

    @Test
    void quoteUsesLowerHexByteEscapesForOtherAsciiControls() {
        assertThat(GoQuote.quote("\u0000\u001b\u007f")).isEqualTo("\"\\x00\\x1b\\x7f\"");
    }

    @Test
    void quoteUsesUnicodeEscapesForNonPrintableRunes() {
        assertThat(GoQuote.quote("\u0085")).isEqualTo("\"\\u0085\"");
        assertThat(GoQuote.quote("\u00a0\u2028\ufeff")).isEqualTo("\"\\u00a0\\u2028\\ufeff\"");
        assertThat(GoQuote.quote("\udb40\udc01")).isEqualTo("\"\\U000e0001\"");
    }

    @Test
    void quoteKeepsPrintableUnicode() {
        assertThat(GoQuote.quote("héllo, 世界 \ud83d\ude00 e\u0301")).isEqualTo("\"héllo, 世界 \ud83d\ude00 e\u0301\"");
    }

    @Test
    void quotePrintsUnpairedSurrogateAsInvalidUtf8Bytes() {
        assertThat(GoQuote.quote("\ud800x\udfff")).isEqualTo("\"\\xed\\xa0\\x80x\\xed\\xbf\\xbf\"");
    }
}
