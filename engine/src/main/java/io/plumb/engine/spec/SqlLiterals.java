package io.plumb.engine.spec;

import java.util.regex.Pattern;

/** {@code SqlLiterals} recognises and converts the SQL spellings of literal values that HCL writes natively. */
final class SqlLiterals {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private SqlLiterals() {}

    /** Returns whether the text is a string quoted with single or double quotes. */
    static boolean isQuoted(String text) {
        if (text.length() < 2) {
            return false;
        }
        char quote = text.charAt(0);
        return (quote == '\'' || quote == '"') && text.charAt(text.length() - 1) == quote;
    }

    /** Returns the content of a quoted string, with doubled quotes undoubled. */
    static String unquote(String text) {
        String quote = text.substring(0, 1);
        return text.substring(1, text.length() - 1).replace(quote + quote, quote);
    }

    /** Returns a single-quoted SQL string literal. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Returns whether the text is a numeric literal. */
    static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches();
    }
}
