package io.plumb.engine.dialect.postgres.psql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code PsqlText} lays text out as psql does in a terminal cell: a value is split into display lines at newlines,
 * control characters are escaped ({@code \r}, {@code \x1B}, {@code \u0085}), tabs move to the next multiple of 8,
 * and each line's width counts display columns (2 for East Asian wide characters, 0 for combining marks), not
 * characters.
 */
final class PsqlText {

    /** One display line of a value and its width in terminal columns. */
    record Line(String text, int width) {}

    // Code point ranges that display two columns wide (Unicode East Asian Width W and F), sorted.
    private static final int[][] WIDE = {
        {0x1100, 0x115F},
        {0x231A, 0x231B},
        {0x2329, 0x232A},
        {0x23E9, 0x23EC},
        {0x23F0, 0x23F0},
        {0x23F3, 0x23F3},
        {0x25FD, 0x25FE},
        {0x2614, 0x2615},
        {0x2648, 0x2653},
        {0x267F, 0x267F},
        {0x2693, 0x2693},
        {0x26A1, 0x26A1},
        {0x26AA, 0x26AB},
        {0x26BD, 0x26BE},
        {0x26C4, 0x26C5},
        {0x26CE, 0x26CE},
        {0x26D4, 0x26D4},
        {0x26EA, 0x26EA},
        {0x26F2, 0x26F3},
        {0x26F5, 0x26F5},
        {0x26FA, 0x26FA},
        {0x26FD, 0x26FD},
        {0x2705, 0x2705},
        {0x270A, 0x270B},
        {0x2728, 0x2728},
        {0x274C, 0x274C},
        {0x274E, 0x274E},
        {0x2753, 0x2755},
        {0x2757, 0x2757},
        {0x2795, 0x2797},
        {0x27B0, 0x27B0},
        {0x27BF, 0x27BF},
        {0x2B1B, 0x2B1C},
        {0x2B50, 0x2B50},
        {0x2B55, 0x2B55},
        {0x2E80, 0x303E},
        {0x3040, 0x33FF},
        {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF},
        {0xA000, 0xA4CF},
        {0xA960, 0xA97F},
        {0xAC00, 0xD7A3},
        {0xF900, 0xFAFF},
        {0xFE10, 0xFE19},
        {0xFE30, 0xFE6F},
        {0xFF00, 0xFF60},
        {0xFFE0, 0xFFE6},
        {0x16FE0, 0x16FE4},
        {0x17000, 0x18CFF},
        {0x1B000, 0x1B2FF},
        {0x1F004, 0x1F004},
        {0x1F0CF, 0x1F0CF},
        {0x1F18E, 0x1F18E},
        {0x1F191, 0x1F19A},
        {0x1F200, 0x1F202},
        {0x1F210, 0x1F23B},
        {0x1F240, 0x1F248},
        {0x1F250, 0x1F251},
        {0x1F260, 0x1F265},
        {0x1F300, 0x1F320},
        {0x1F32D, 0x1F335},
        {0x1F337, 0x1F37C},
        {0x1F37E, 0x1F393},
        {0x1F3A0, 0x1F3CA},
        {0x1F3CF, 0x1F3D3},
        {0x1F3E0, 0x1F3F0},
        {0x1F3F4, 0x1F3F4},
        {0x1F3F8, 0x1F43E},
        {0x1F440, 0x1F440},
        {0x1F442, 0x1F4FC},
        {0x1F4FF, 0x1F53D},
        {0x1F54B, 0x1F54E},
        {0x1F550, 0x1F567},
        {0x1F57A, 0x1F57A},
        {0x1F595, 0x1F596},
        {0x1F5A4, 0x1F5A4},
        {0x1F5FB, 0x1F64F},
        {0x1F680, 0x1F6C5},
        {0x1F6CC, 0x1F6CC},
        {0x1F6D0, 0x1F6D2},
        {0x1F6D5, 0x1F6D7},
        {0x1F6DC, 0x1F6DF},
        {0x1F6EB, 0x1F6EC},
        {0x1F6F4, 0x1F6FC},
        {0x1F7E0, 0x1F7EB},
        {0x1F7F0, 0x1F7F0},
        {0x1F90C, 0x1F93A},
        {0x1F93C, 0x1F945},
        {0x1F947, 0x1F9FF},
        {0x1FA70, 0x1FAFF},
        {0x20000, 0x2FFFD},
        {0x30000, 0x3FFFD}
    };

    private PsqlText() {}

    /** Splits a value into its display lines; an empty value is one empty line. */
    static List<Line> lines(String value) {
        List<Line> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int width = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                lines.add(new Line(text.toString(), width));
                text.setLength(0);
                width = 0;
            } else if (cp == '\r') {
                text.append("\\r");
                width += 2;
            } else if (cp == '\t') {
                do {
                    text.append(' ');
                    width++;
                } while (width % 8 != 0);
            } else if (cp < 0x80 && columns(cp) < 0) {
                text.append(String.format(Locale.ROOT, "\\x%02X", cp));
                width += 4;
            } else if (columns(cp) < 0) {
                // psql counts 6 columns for both escapes, even the longer one.
                text.append(String.format(Locale.ROOT, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", cp));
                width += 6;
            } else {
                text.appendCodePoint(cp);
                width += columns(cp);
            }
        }
        lines.add(new Line(text.toString(), width));
        return lines;
    }

    /** Returns the display width of a value: its widest line. */
    static int width(String value) {
        return lines(value).stream().mapToInt(Line::width).max().orElse(0);
    }

    /** Returns the columns a code point takes in a terminal: -1 for control characters. */
    static int columns(int cp) {
        if (cp == 0) {
            return 0;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0x10FFFF) {
            return -1;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isWide(int cp) {
        int low = 0;
        int high = WIDE.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (cp < WIDE[mid][0]) {
                high = mid - 1;
            } else if (cp > WIDE[mid][1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
