package io.plumb.runner.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GoCharClasses} holds what {@link GoRegexTranslator} needs to write Go's character classes in Java's
 * syntax: the code-point ranges of Go's Perl and POSIX classes, the Unicode categories Go knows, and the escaping
 * of single code points and ranges.
 */
final class GoCharClasses {
    /** The largest Unicode code point. */
    static final int MAX_RUNE = 0x10FFFF;

    static final int[] PERL_DIGIT = {'0', '9'};
    static final int[] PERL_SPACE = {'\t', '\n', '\f', '\r', ' ', ' '};
    static final int[] PERL_WORD = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};

    static final Map<String, int[]> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", new int[] {'0', '9', 'A', 'Z', 'a', 'z'}),
            Map.entry("alpha", new int[] {'A', 'Z', 'a', 'z'}),
            Map.entry("ascii", new int[] {0, 0x7F}),
            Map.entry("blank", new int[] {'\t', '\t', ' ', ' '}),
            Map.entry("cntrl", new int[] {0, 0x1F, 0x7F, 0x7F}),
            Map.entry("digit", new int[] {'0', '9'}),
            Map.entry("graph", new int[] {'!', '~'}),
            Map.entry("lower", new int[] {'a', 'z'}),
            Map.entry("print", new int[] {' ', '~'}),
            Map.entry("punct", new int[] {'!', '/', ':', '@', '[', '`', '{', '~'}),
            Map.entry("space", new int[] {'\t', '\r', ' ', ' '}),
            Map.entry("upper", new int[] {'A', 'Z'}),
            Map.entry("word", new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}),
            Map.entry("xdigit", new int[] {'0', '9', 'A', 'F', 'a', 'f'}));

    static final Set<String> CATEGORIES = Set.of(
            "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl",
            "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");

    /** Writes a code point so that Java reads it literally, in or out of a class. */
    static String escape(int cp) {
        boolean alnum = (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
        if (alnum || cp == ' ' || cp == '_') {
            return String.valueOf((char) cp);
        }
        if (cp > ' ' && cp < 0x7F) {
            return "\\" + (char) cp;
        }
        return "\\x{" + Integer.toHexString(cp) + "}";
    }

    /** Returns Java's name of the Unicode script Go calls {@code name} (such as {@code Old_Italic}). */
    static @Nullable String scriptName(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return null;
        }
        try {
            return Character.UnicodeScript.valueOf(name.toUpperCase(Locale.ROOT))
                    .name();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void appendRanges(StringBuilder cls, int[] ranges) {
        for (int i = 0; i < ranges.length; i += 2) {
            cls.append(escape(ranges[i]));
            if (ranges[i + 1] != ranges[i]) {
                cls.append('-').append(escape(ranges[i + 1]));
            }
        }
    }

    /** Complements sorted, disjoint ranges over all code points. */
    static int[] complement(int[] ranges) {
        int[] result = new int[ranges.length + 2];
        int n = 0;
        int next = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] > next) {
                result[n++] = next;
                result[n++] = ranges[i] - 1;
            }
            next = ranges[i + 1] + 1;
        }
        if (next <= MAX_RUNE) {
            result[n++] = next;
            result[n++] = MAX_RUNE;
        }
        return Arrays.copyOf(result, n);
    }

    /** Returns whether a code point is an ASCII letter or digit. */
    static boolean isAsciiAlnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private GoCharClasses() {}
}
