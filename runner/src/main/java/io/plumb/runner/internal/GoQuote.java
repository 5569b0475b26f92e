package io.plumb.runner.internal;

/**
 * {@code GoQuote} formats strings the way Go's {@code strconv.Quote} and {@code fmt}'s {@code %#q} verb do, so
 * that runner messages such as {@code no match for `P` found in stdout} read exactly as testscript's.
 *
 * <p>Java strings are UTF-16 while Go strings are bytes. An unpaired surrogate stands for what Go would see as
 * invalid UTF-8: it is printed as the three {@code \xNN} bytes of its generalized UTF-8 encoding.
 */
public final class GoQuote {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {}

    /**
     * Formats {@code s} as Go's {@code fmt.Sprintf("%#q", s)}: in back-quotes when {@link #canBackquote(String)}
     * allows it, otherwise as {@link #quote(String)}.
     */
    public static String sharpQ(String s) {
        return canBackquote(s) ? "`" + s + "`" : quote(s);
    }

    /**
     * Reports whether {@code s} can be written back-quoted unchanged, as Go's {@code strconv.CanBackquote}: no
     * back-quote, no control character other than tab, no invalid UTF-8, no byte order mark {@code U+FEFF}.
     * Other non-ASCII characters, even invisible ones, are allowed.
     */
    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '`' || cp == 0x7f || cp == 0xfeff || (cp < ' ' && cp != '\t')) {
                return false;
            }
            if (Character.isSurrogate((char) cp)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code s} double-quoted as Go's {@code strconv.Quote}: {@code \a \b \f \n \r \t \v \\ \"} escapes,
     * {@code \xNN} for other control characters below {@code 0x20} and for {@code 0x7f}, <code>&#92;uNNNN</code> or
     * {@code \UNNNNNNNN} for other non-printable characters, and printable Unicode as itself.
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendEscaped(out, cp);
        }
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        if (cp == '"' || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
            return;
        }
        if (Character.isSurrogate((char) cp) && cp <= 0xffff) {
            // Three bytes 0xED 0xA0-0xBF 0x80-0xBF, each invalid UTF-8 on its own in Go's eyes.
            appendHexByte(out, 0xe0 | (cp >> 12));
            appendHexByte(out, 0x80 | ((cp >> 6) & 0x3f));
            appendHexByte(out, 0x80 | (cp & 0x3f));
            return;
        }
        if (isPrint(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> appendNumericEscape(out, cp);
        }
    }

    private static void appendNumericEscape(StringBuilder out, int cp) {
        if (cp < ' ' || cp == 0x7f) {
            appendHexByte(out, cp);
        } else if (cp < 0x10000) {
            out.append("\\u");
            appendHexDigits(out, cp, 4);
        } else {
            out.append("\\U");
            appendHexDigits(out, cp, 8);
        }
    }

    private static void appendHexByte(StringBuilder out, int b) {
        out.append("\\x");
        appendHexDigits(out, b, 2);
    }

    private static void appendHexDigits(StringBuilder out, int value, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xf]);
        }
    }

    /**
     * Reports whether Go's {@code strconv.IsPrint} holds: letters, marks, numbers, punctuation, symbols and the
     * ASCII space. Java's Unicode tables may be a version behind Go's for newly assigned characters.
     */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
