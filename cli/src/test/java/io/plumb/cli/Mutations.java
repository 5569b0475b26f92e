package io.plumb.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Mutations} makes malformed variants of a valid input file: it cuts the file into tokens and truncates,
 * deletes, duplicates and swaps them, inserts hostile snippets at token boundaries, and makes the whole-file variants
 * (empty, CRLF, a BOM, NUL and invalid UTF-8 bytes, deep nesting, a huge line). It is deterministic for a given
 * {@link Random}.
 */
final class Mutations {

    /**
     * One malformed variant of a file.
     *
     * @param name what was done, as failures print it
     * @param bytes the variant's content
     * @param invalid whether the variant is malformed whatever the format (so the command must fail)
     */
    record Variant(String name, byte[] bytes, boolean invalid) {

        static Variant of(String name, String text, boolean invalid) {
            return new Variant(name, text.getBytes(StandardCharsets.UTF_8), invalid);
        }
    }

    // Strings (possibly unterminated), heredoc openers, words, numbers, then any other single character.
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\n])*'?|<<-?[A-Za-z_]+|[A-Za-z_][A-Za-z0-9_.-]*|[0-9]+(?:\\.[0-9]+)?|\\S");

    // Snippets inserted at a token boundary; each breaks most formats in its own way.
    private static final List<String> SNIPPETS = List.of(
            "\"",
            "{",
            "}",
            "[",
            "]",
            "(",
            ")",
            "'",
            "`",
            "<<EOT\n",
            "${",
            "%{",
            "=",
            ",",
            ".",
            "\\",
            "/*",
            "--",
            "#",
            " 99999999999999999999999999999999 ",
            " -1 ",
            " 1e999999 ",
            " 0x ",
            " null ",
            " true ",
            "\u0000",
            "\uFEFF",
            "\u200B",
            "\n-- f.sql --\n",
            "\t",
            "\r");

    // Values of other types, put in place of a token: a wrong type for an attribute, or an odd SQL literal.
    private static final List<String> VALUES = List.of(
            "[]",
            "{}",
            "[1, \"a\"]",
            "{ a = 1 }",
            "true",
            "null",
            "0",
            "-0.5",
            "\"\"",
            "\"x\"",
            "self",
            "each.value",
            "var.missing",
            "local.missing",
            "data.x.y",
            "column.missing",
            "table.missing.column.id",
            "schema.missing",
            "1/0",
            "upper(1, 2)");

    private Mutations() {}

    /** Returns the starts and ends of the file's tokens, as pairs. */
    static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        return tokens;
    }

    /** The name of the variant that puts a directory where the file was. */
    static final String DIRECTORY = "a directory in place of the file";

    /** The name of the variant that removes the file. */
    static final String MISSING = "the file removed";

    /** Returns the whole-file variants, every one of them malformed or an edge case that must not crash. */
    static List<Variant> wholeFile(String text) {
        List<Variant> variants = new ArrayList<>();
        variants.add(Variant.of(DIRECTORY, "", false));
        variants.add(Variant.of(MISSING, "", false));
        variants.add(Variant.of("empty file", "", false));
        variants.add(Variant.of("only a newline", "\n", false));
        variants.add(Variant.of("CRLF line ends", text.replace("\n", "\r\n"), false));
        variants.add(Variant.of("a BOM first", "\uFEFF" + text, false));
        variants.add(Variant.of("NUL bytes only", "\u0000\u0000\u0000", true));
        variants.add(Variant.of(
                "a NUL in the middle",
                text.substring(0, text.length() / 2) + "\u0000" + text.substring(text.length() / 2),
                true));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[utf8.length + 2];
        int half = utf8.length / 2;
        System.arraycopy(utf8, 0, broken, 0, half);
        broken[half] = (byte) 0xC3;
        broken[half + 1] = (byte) 0x28;
        System.arraycopy(utf8, half, broken, half + 2, utf8.length - half);
        variants.add(new Variant("invalid UTF-8 in the middle", broken, true));
        byte[] latin1 = new byte[] {'#', ' ', (byte) 0xE9, '\n'};
        byte[] withLatin1 = new byte[latin1.length + utf8.length];
        System.arraycopy(latin1, 0, withLatin1, 0, latin1.length);
        System.arraycopy(utf8, 0, withLatin1, latin1.length, utf8.length);
        // In a comment of most formats; a format that reads it must refuse it, one that skips it may pass.
        variants.add(new Variant("a Latin-1 byte first", withLatin1, false));
        variants.add(Variant.of("deeply nested brackets", text + "\nx = " + "[".repeat(20_000) + "\n", false));
        variants.add(Variant.of("deeply nested parentheses", text + "\nx = " + "(".repeat(20_000) + "\n", false));
        variants.add(Variant.of("a 200k-character line", text + "\n" + "y".repeat(200_000) + "\n", false));
        variants.add(Variant.of("the file twice", text + "\n" + text, false));
        variants.add(Variant.of("the file without its last character", text.substring(0, text.length() - 1), false));
        return variants;
    }

    /** Returns {@code count} token-level variants chosen by {@code random}. */
    static List<Variant> tokenLevel(String text, Random random, int count) {
        List<int[]> tokens = tokens(text);
        List<Variant> variants = new ArrayList<>();
        if (tokens.size() < 2) {
            return variants;
        }
        for (int i = 0; i < count; i++) {
            int k = random.nextInt(tokens.size() - 1);
            int[] t = tokens.get(k);
            int[] next = tokens.get(k + 1);
            String token = text.substring(t[0], t[1]);
            String at = " token " + k + " " + quote(token) + " at " + position(text, t[0]);
            switch (random.nextInt(7)) {
                case 0:
                    variants.add(Variant.of("truncate before" + at, text.substring(0, t[0]), false));
                    break;
                case 1:
                    variants.add(Variant.of("delete" + at, text.substring(0, t[0]) + text.substring(t[1]), false));
                    break;
                case 2:
                    variants.add(Variant.of(
                            "duplicate" + at, text.substring(0, t[1]) + " " + token + text.substring(t[1]), false));
                    break;
                case 3:
                    String second = text.substring(next[0], next[1]);
                    variants.add(Variant.of(
                            "swap" + at + " with " + quote(second),
                            text.substring(0, t[0])
                                    + second
                                    + text.substring(t[1], next[0])
                                    + token
                                    + text.substring(next[1]),
                            false));
                    break;
                case 4:
                    // Another token of the file in its place: a reference to something else, of another type, or
                    // to itself (a cycle).
                    int[] other = tokens.get(random.nextInt(tokens.size()));
                    String replacement = text.substring(other[0], other[1]);
                    variants.add(Variant.of(
                            "replace" + at + " with " + quote(replacement),
                            text.substring(0, t[0]) + replacement + text.substring(t[1]),
                            false));
                    break;
                case 5:
                    String value = VALUES.get(random.nextInt(VALUES.size()));
                    variants.add(Variant.of(
                            "replace" + at + " with the value " + quote(value),
                            text.substring(0, t[0]) + value + text.substring(t[1]),
                            false));
                    break;
                default:
                    String snippet = SNIPPETS.get(random.nextInt(SNIPPETS.size()));
                    variants.add(Variant.of(
                            "insert " + quote(snippet) + " before" + at,
                            text.substring(0, t[0]) + snippet + text.substring(t[0]),
                            false));
                    break;
            }
        }
        return variants;
    }

    /** Returns the variants truncated at every token boundary, or at {@code max} of them spread evenly. */
    static List<Variant> truncations(String text, int max) {
        List<int[]> tokens = tokens(text);
        List<Variant> variants = new ArrayList<>();
        int step = Math.max(1, tokens.size() / Math.max(1, max));
        for (int k = 1; k < tokens.size(); k += step) {
            int[] t = tokens.get(k);
            variants.add(Variant.of(
                    "truncate after token " + (k - 1) + " at " + position(text, t[0]),
                    text.substring(0, tokens.get(k - 1)[1]),
                    false));
        }
        return variants;
    }

    static String position(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return line + ":" + column;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0xFEFF || c == 0x200B) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
