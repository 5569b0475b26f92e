package io.plumb.txtar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code needsQuote}, {@code quote} and {@code unquote}, per reference section 1.5 and go-internal's tests. */
class TxtarQuoteTest {

    static Stream<Arguments> quoteCases() {
        return Stream.of(
                arguments("empty", "", ""),
                arguments("one line", "foo\n", ">foo\n"),
                arguments("a marker line is quoted", "foo\nbar\n-- baz --\n", ">foo\n>bar\n>-- baz --\n"),
                arguments("CRLF lines keep their \\r", "a\r\nb\r\n", ">a\r\n>b\r\n"),
                arguments("empty lines", "\n\n", ">\n>\n"),
                arguments("already quoted data", ">x\n", ">>x\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("TestQuote: quoting puts '>' before every line and round-trips through unquote")
    @MethodSource("quoteCases")
    void quoteRoundTrips(String label, String data, String quoted) throws TxtarException {
        assertThat(Txtar.quote(data)).isEqualTo(quoted);
        assertThat(new String(Txtar.quote(data.getBytes(UTF_8)), UTF_8)).isEqualTo(quoted);
        assertThat(Txtar.unquote(quoted)).isEqualTo(data);
    }

    @Test
    @DisplayName("TestQuote: non-UTF-8 bytes fail with 'data contains non-UTF-8 characters'")
    void quoteRejectsInvalidUtf8() {
        byte[] data = {'f', 'o', 'o', (byte) 0xff, '\n'};

        assertThatThrownBy(() -> Txtar.quote(data))
                .isInstanceOf(TxtarException.class)
                .hasMessage("data contains non-UTF-8 characters");
    }

    @Test
    @DisplayName("quote accepts valid multi-byte UTF-8")
    void quoteAcceptsMultiByteUtf8() throws TxtarException {
        assertThat(Txtar.quote("é€😀\n".getBytes(UTF_8))).isEqualTo(">é€😀\n".getBytes(UTF_8));
    }

    @Test
    @DisplayName("TestQuote: data without a final newline fails with 'data has no final newline'")
    void quoteRejectsMissingFinalNewline() {
        assertThatThrownBy(() -> Txtar.quote("foo"))
                .isInstanceOf(TxtarException.class)
                .hasMessage("data has no final newline");
        assertThatThrownBy(() -> Txtar.quote("foo".getBytes(UTF_8)))
                .isInstanceOf(TxtarException.class)
                .hasMessage("data has no final newline");
    }

    @Test
    @DisplayName("quoted data never needs quoting")
    void quotedDataIsSafe() throws TxtarException {
        String data = "-- a --\n-- b --\r\n";

        assertThat(Txtar.needsQuote(data)).isTrue();
        assertThat(Txtar.needsQuote(Txtar.quote(data))).isFalse();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("TestUnquote: data not starting with '>' and ending in \\n fails")
    @ValueSource(strings = {">hello", "hello\n", " >x\n", ">x\r"})
    void unquoteRejectsUnquoted(String data) {
        assertThatThrownBy(() -> Txtar.unquote(data))
                .isInstanceOf(TxtarException.class)
                .hasMessage("data does not appear to be quoted");
    }

    @Test
    @DisplayName("unquote of empty data is empty")
    void unquoteEmpty() throws TxtarException {
        assertThat(Txtar.unquote("")).isEmpty();
    }

    @Test
    @DisplayName("unquote removes only one '>' per line, and leaves lines without one as they are")
    void unquoteRemovesOneChevron() throws TxtarException {
        assertThat(Txtar.unquote(">>a\n>b\nc\n")).isEqualTo(">a\nb\nc\n");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("needsQuote is true when a line would parse as a marker")
    @ValueSource(
            strings = {
                "-- a --\n",
                "x\n-- a --\ny\n",
                "-- a --",
                "x\n-- a --",
                "-- a --\r\n",
                "--   a b   --\n",
                "-- \u00a0a --\n",
            })
    void needsQuoteTrue(String data) {
        assertThat(Txtar.needsQuote(data)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("needsQuote is false when no line would parse as a marker")
    @ValueSource(
            strings = {
                "",
                "hello\n",
                "-- --\n",
                "--  --\n",
                "-- \u00a0 --\n",
                "-- a ---\n",
                "-- x --y\n",
                " -- a --\n",
                "x -- a --\n",
                ">-- a --\n",
                "-- a --\r\r\n",
                "--a--\n",
            })
    void needsQuoteFalse(String data) {
        assertThat(Txtar.needsQuote(data)).isFalse();
    }
}
