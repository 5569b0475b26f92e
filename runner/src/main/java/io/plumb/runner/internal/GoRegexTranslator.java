package io.plumb.runner.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@code GoRegexTranslator} parses one Go regexp with the grammar of Go's {@code regexp/syntax} (Perl flags) and
 * writes the equivalent {@code java.util.regex} pattern, throwing Go's errors on the way.
 */
final class GoRegexTranslator {
    /** Inline flags in force; {@code i} and {@code s} are handed to Java, {@code m} and {@code U} are not. */
    private record Flags(boolean foldCase, boolean multiLine, boolean dotNewline, boolean nonGreedy) {}

    private static final Flags DEFAULT_FLAGS = new Flags(false, false, false, false);
    private static final int MAX_REPEAT = 1000;

    // Go's \b is an ASCII word boundary; Java's (before JDK 19) uses Unicode letters. Spell it out, and keep
    // case folding from widening the ASCII word class.
    private static final String WORD = "[0-9A-Za-z_]";
    private static final String WORD_BOUNDARY =
            "(?-i:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
    private static final String NO_WORD_BOUNDARY =
            "(?-i:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

    // Go's (?m)^ also matches at the very end of a text that ends in \n; Java's does not.
    private static final String BEGIN_LINE = "(?<![^\\n])";
    private static final String END_LINE = "(?![^\\n])";

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Flags> groups = new ArrayDeque<>();
    // Where each open group starts in the output, so that a closed group can be wrapped as an operand.
    private final Deque<Integer> groupStarts = new ArrayDeque<>();
    // Where the last operand starts in the output, and whether a repetition already applies to it: Go lets a
    // flag group separate two repetitions ("a{2}(?i)*" repeats "a{2}"), which Java only accepts wrapped.
    private int operandStart;
    private boolean operandRepeated;
    private final Set<String> names = new HashSet<>();
    // Java flags from a (?flags) group, written only before the next token that is not a repetition: in Go
    // "x(?i)*" repeats x, but Java finds no operand for a '*' right after "(?i)".
    private final StringBuilder pendingFlags = new StringBuilder();
    private Flags flags = DEFAULT_FLAGS;
    private int pos;
    // Whether a repetition operator would have an operand (Go: the stack top is not a pseudo-op).
    private boolean hasOperand;
    // Where the previous token started, when it was a repetition operator; else -1.
    private int lastRepeat = -1;

    private GoRegexTranslator(String src) {
        this.src = src;
    }

    static String translate(String goRegexp) {
        GoRegexTranslator t = new GoRegexTranslator(goRegexp);
        t.parse();
        return t.out.toString();
    }

    private static IllegalArgumentException error(String code, String expr) {
        return new IllegalArgumentException("error parsing regexp: " + code + ": `" + expr + "`");
    }

    private boolean lookingAt(String s) {
        return src.startsWith(s, pos);
    }

    private void parse() {
        while (pos < src.length()) {
            int start = pos;
            boolean repeat = false;
            char c = src.charAt(pos);
            // A flag group such as (?i) is no operand: flags wait for the next real token, so that a repetition
            // after them still applies to what came before.
            if ("*+?{".indexOf(c) < 0 && !lookingAt("(?")) {
                flushFlags();
            }
            switch (c) {
                case '(' -> openGroup();
                case ')' -> closeGroup();
                case '|' -> {
                    pos++;
                    out.append('|');
                    hasOperand = false;
                }
                case '^' -> {
                    pos++;
                    operand(flags.multiLine() ? BEGIN_LINE : "\\A");
                }
                case '$' -> {
                    pos++;
                    operand(flags.multiLine() ? END_LINE : "\\z");
                }
                case '.' -> {
                    pos++;
                    operand(".");
                }
                case '[' -> parseClass();
                case '*', '+', '?' -> repeat = repetition(pos + 1, String.valueOf(src.charAt(pos)));
                case '{' -> repeat = braceRepetition();
                case '\\' -> parseBackslash();
                default -> {
                    int cp = src.codePointAt(pos);
                    pos += Character.charCount(cp);
                    literal(cp);
                }
            }
            lastRepeat = repeat ? start : -1;
        }
        if (!groups.isEmpty()) {
            throw error("missing closing )", src);
        }
    }

    private void operand(String java) {
        operandStart = out.length();
        operandRepeated = false;
        out.append(java);
        hasOperand = true;
    }

    private void literal(int cp) {
        operand(GoCharClasses.escape(cp));
    }

    private void flushFlags() {
        out.append(pendingFlags);
        pendingFlags.setLength(0);
    }

    private void pushGroup(Flags outer) {
        groups.push(outer);
        groupStarts.push(out.length());
    }

    private void openGroup() {
        if (lookingAt("(?")) {
            parsePerlFlags();
            return;
        }
        pos++;
        pushGroup(flags);
        out.append('(');
        hasOperand = false;
    }

    private void closeGroup() {
        if (groups.isEmpty()) {
            throw error("unexpected )", src);
        }
        pos++;
        flags = groups.pop();
        out.append(')');
        operandStart = groupStarts.pop();
        operandRepeated = false;
        hasOperand = true;
    }

    private void parsePerlFlags() {
        String t = src.substring(pos);
        boolean startsWithP = t.length() > 4 && t.charAt(2) == 'P' && t.charAt(3) == '<';
        boolean startsWithName = t.length() > 3 && t.charAt(2) == '<';
        if (startsWithP || startsWithName) {
            parseNamedGroup(t, startsWithP ? 4 : 3);
            return;
        }
        Flags next = flags;
        boolean negated = false;
        boolean sawFlag = false;
        int i = pos + 2;
        while (i < src.length()) {
            char c = src.charAt(i++);
            switch (c) {
                case 'i' -> next = new Flags(!negated, next.multiLine(), next.dotNewline(), next.nonGreedy());
                case 'm' -> next = new Flags(next.foldCase(), !negated, next.dotNewline(), next.nonGreedy());
                case 's' -> next = new Flags(next.foldCase(), next.multiLine(), !negated, next.nonGreedy());
                case 'U' -> next = new Flags(next.foldCase(), next.multiLine(), next.dotNewline(), !negated);
                case '-' -> {
                    if (negated) {
                        throw error("invalid or unsupported Perl syntax", src.substring(pos, i));
                    }
                    negated = true;
                    sawFlag = false;
                    continue;
                }
                case ':', ')' -> {
                    if (negated && !sawFlag) {
                        throw error("invalid or unsupported Perl syntax", src.substring(pos, i));
                    }
                    String javaFlags = javaFlags(flags, next);
                    if (c == ':') {
                        flushFlags();
                        pushGroup(flags);
                        out.append("(?").append(javaFlags).append(':');
                        hasOperand = false;
                    } else if (!javaFlags.isEmpty()) {
                        // Java, like Go, keeps an inline flag until the end of the enclosing group.
                        pendingFlags.append("(?").append(javaFlags).append(')');
                    }
                    flags = next;
                    pos = i;
                    return;
                }
                default -> throw error("invalid or unsupported Perl syntax", src.substring(pos, i));
            }
            sawFlag = true;
        }
        throw error("invalid or unsupported Perl syntax", src.substring(pos, i));
    }

    /** The Java inline flags that turn {@code from} into {@code to}; Go's {@code i} folds Unicode case. */
    private static String javaFlags(Flags from, Flags to) {
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        if (from.foldCase() != to.foldCase()) {
            (to.foldCase() ? on : off).append("iu");
        }
        if (from.dotNewline() != to.dotNewline()) {
            (to.dotNewline() ? on : off).append('s');
        }
        return off.length() == 0 ? on.toString() : on + "-" + off;
    }

    private void parseNamedGroup(String t, int nameStart) {
        int end = t.indexOf('>');
        if (end < 0) {
            throw error("invalid named capture", t);
        }
        String name = t.substring(nameStart, end);
        if (name.isEmpty() || !name.chars().allMatch(c -> c == '_' || GoCharClasses.isAsciiAlnum(c))) {
            throw error("invalid named capture", t.substring(0, end + 1));
        }
        pos += end + 1;
        flushFlags();
        pushGroup(flags);
        hasOperand = false;
        // Java names are [a-zA-Z][a-zA-Z0-9]* and unique; any other Go name becomes a plain group, which
        // matches the same.
        if (name.matches("[a-zA-Z][a-zA-Z0-9]*") && names.add(name)) {
            out.append("(?<").append(name).append('>');
        } else {
            out.append('(');
        }
    }

    /** Handles a repetition operator that ends before {@code opEnd}; returns true, for {@link #lastRepeat}. */
    private boolean repetition(int opEnd, String javaOp) {
        int after = opEnd;
        boolean nonGreedy = flags.nonGreedy();
        if (after < src.length() && src.charAt(after) == '?') {
            after++;
            nonGreedy = !nonGreedy;
        }
        if (lastRepeat >= 0) {
            throw error("invalid nested repetition operator", src.substring(lastRepeat, after));
        }
        if (!hasOperand) {
            throw error("missing argument to repetition operator", src.substring(pos, after));
        }
        if (operandRepeated) {
            out.insert(operandStart, "(?:").append(')');
        }
        out.append(javaOp);
        if (nonGreedy) {
            out.append('?');
        }
        operandRepeated = true;
        pos = after;
        return true;
    }

    /** Handles <code>{n}</code>, <code>{n,}</code> or <code>{n,m}</code>; otherwise the brace is a literal. */
    private boolean braceRepetition() {
        int i = pos + 1;
        int minEnd = digitsEnd(i);
        if (minEnd < 0 || minEnd >= src.length()) {
            return braceLiteral();
        }
        int min = number(i, minEnd);
        int max = min;
        int end = minEnd;
        if (src.charAt(end) == ',') {
            end++;
            if (end >= src.length()) {
                return braceLiteral();
            }
            if (src.charAt(end) == '}') {
                max = -1;
            } else {
                int maxEnd = digitsEnd(end);
                if (maxEnd < 0) {
                    return braceLiteral();
                }
                max = number(end, maxEnd);
                if (max < 0) {
                    min = -1;
                }
                end = maxEnd;
            }
        }
        if (end >= src.length() || src.charAt(end) != '}') {
            return braceLiteral();
        }
        end++;
        if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            throw error("invalid repeat count", src.substring(pos, end));
        }
        return repetition(end, "{" + min + "," + (max < 0 ? "" : String.valueOf(max)) + "}");
    }

    private boolean braceLiteral() {
        pos++;
        literal('{');
        return false;
    }

    /** Returns the end of a run of decimal digits at {@code i} without a leading zero, or -1 if none. */
    private int digitsEnd(int i) {
        int j = i;
        while (j < src.length() && src.charAt(j) >= '0' && src.charAt(j) <= '9') {
            j++;
        }
        boolean leadingZero = j - i >= 2 && src.charAt(i) == '0';
        return j == i || leadingZero ? -1 : j;
    }

    /** Parses digits as Go does: a value that reaches 1e8 becomes -1. */
    private int number(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (n >= 100_000_000) {
                return -1;
            }
            n = n * 10 + src.charAt(i) - '0';
        }
        return n;
    }

    private void parseBackslash() {
        char next = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
        switch (next) {
            case 'A' -> simpleEscape("\\A");
            case 'z' -> simpleEscape("\\z");
            case 'b' -> simpleEscape(WORD_BOUNDARY);
            case 'B' -> simpleEscape(NO_WORD_BOUNDARY);
            case 'C' -> throw error("invalid escape sequence", "\\C");
            case 'Q' -> quotedLiterals();
            case 'p', 'P' -> operand(unicodeClass(false));
            case 'd', 'D', 's', 'S', 'w', 'W' -> {
                StringBuilder cls = new StringBuilder("[");
                perlClass(cls);
                operand(cls.append(']').toString());
            }
            default -> literal(parseEscape());
        }
    }

    private void simpleEscape(String java) {
        pos += 2;
        operand(java);
    }

    private void quotedLiterals() {
        int end = src.indexOf("\\E", pos + 2);
        String lit = src.substring(pos + 2, end < 0 ? src.length() : end);
        pos = end < 0 ? src.length() : end + 2;
        lit.codePoints().forEach(this::literal);
    }

    /** Parses a single-character escape at {@code pos}, as Go's {@code parseEscape}. */
    private int parseEscape() {
        int start = pos;
        pos++;
        if (pos >= src.length()) {
            throw error("trailing backslash at end of expression", "");
        }
        int c = src.codePointAt(pos);
        pos += Character.charCount(c);
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7', '0' -> {
                // A single non-zero digit would be a backreference, which Go does not support.
                if (c != '0' && !isOctalAt(pos)) {
                    break;
                }
                int r = c - '0';
                for (int i = 1; i < 3 && isOctalAt(pos); i++) {
                    r = r * 8 + src.charAt(pos++) - '0';
                }
                return r;
            }
            case 'x' -> {
                int r = parseHexEscape();
                if (r >= 0) {
                    return r;
                }
            }
            case 'a' -> {
                return 0x07;
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'v' -> {
                return 0x0B;
            }
            default -> {
                // Escaped ASCII punctuation (and \_) is itself; letters and digits are reserved.
                if (c < 0x80 && !GoCharClasses.isAsciiAlnum(c)) {
                    return c;
                }
            }
        }
        throw error("invalid escape sequence", src.substring(start, pos));
    }

    private boolean isOctalAt(int i) {
        return i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '7';
    }

    /** Parses the rest of {@code \xHH} or {@code \x{H...}} after the {@code x}; returns -1 if malformed. */
    private int parseHexEscape() {
        if (pos >= src.length()) {
            return -1;
        }
        if (src.charAt(pos) != '{') {
            int x = unhex(nextCodePoint());
            if (pos >= src.length()) {
                return -1;
            }
            int y = unhex(nextCodePoint());
            return x < 0 || y < 0 ? -1 : x * 16 + y;
        }
        pos++;
        int r = 0;
        int digits = 0;
        while (pos < src.length()) {
            int c = nextCodePoint();
            if (c == '}') {
                return digits == 0 ? -1 : r;
            }
            int v = unhex(c);
            if (v < 0) {
                return -1;
            }
            r = r * 16 + v;
            if (r > GoCharClasses.MAX_RUNE) {
                return -1;
            }
            digits++;
        }
        return -1;
    }

    private int nextCodePoint() {
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    private static int unhex(int c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /** Appends the ranges of a Perl class escape ({@code \d \s \w} or negated) at {@code pos} to a class. */
    private void perlClass(StringBuilder cls) {
        char c = src.charAt(pos + 1);
        int[] ranges =
                switch (Character.toLowerCase(c)) {
                    case 'd' -> GoCharClasses.PERL_DIGIT;
                    case 's' -> GoCharClasses.PERL_SPACE;
                    default -> GoCharClasses.PERL_WORD;
                };
        GoCharClasses.appendRanges(cls, Character.isUpperCase(c) ? GoCharClasses.complement(ranges) : ranges);
        pos += 2;
    }

    /**
     * Parses {@code \pL}, {@code \p{Name}}, {@code \p{^Name}} or {@code \P...} at {@code pos} and returns the
     * Java class, as a class member if {@code inClass}.
     */
    private String unicodeClass(boolean inClass) {
        int start = pos;
        boolean negated = src.charAt(pos + 1) == 'P';
        pos += 2;
        String name;
        if (pos < src.length() && src.charAt(pos) == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw error("invalid character class range", src.substring(start));
            }
            name = src.substring(pos + 1, end);
            pos = end + 1;
        } else if (pos < src.length()) {
            int cp = src.codePointAt(pos);
            pos += Character.charCount(cp);
            name = new String(Character.toChars(cp));
        } else {
            name = "";
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String p = negated ? "\\P" : "\\p";
        if (name.equals("Any")) {
            String any = "\\x{0}-\\x{10ffff}";
            return negated ? "[^" + any + "]" : inClass ? any : "[" + any + "]";
        }
        if (GoCharClasses.CATEGORIES.contains(name)) {
            return p + "{" + name + "}";
        }
        String script = GoCharClasses.scriptName(name);
        if (script == null) {
            throw error("invalid character class range", src.substring(start, pos));
        }
        return p + "{sc=" + script + "}";
    }

    /** Parses a bracketed class at {@code pos}, as Go's {@code parseClass}. */
    private void parseClass() {
        int classStart = pos;
        pos++;
        StringBuilder cls = new StringBuilder("[");
        if (pos < src.length() && src.charAt(pos) == '^') {
            cls.append('^');
            pos++;
        }
        boolean first = true; // ']' is a literal as the first member
        while (pos >= src.length() || src.charAt(pos) != ']' || first) {
            first = false;
            if (lookingAt("[:") && posixClass(cls)) {
                continue;
            }
            if (lookingAt("\\p") || lookingAt("\\P")) {
                cls.append(unicodeClass(true));
                continue;
            }
            if (pos + 1 < src.length() && src.charAt(pos) == '\\' && "dDsSwW".indexOf(src.charAt(pos + 1)) >= 0) {
                perlClass(cls);
                continue;
            }
            int rangeStart = pos;
            int lo = classChar(classStart);
            int hi = lo;
            if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                hi = classChar(classStart);
                if (hi < lo) {
                    throw error("invalid character class range", src.substring(rangeStart, pos));
                }
            }
            GoCharClasses.appendRanges(cls, new int[] {lo, hi});
        }
        pos++;
        operand(cls.append(']').toString());
    }

    private int classChar(int classStart) {
        if (pos >= src.length()) {
            throw error("missing closing ]", src.substring(classStart));
        }
        if (src.charAt(pos) == '\\') {
            return parseEscape();
        }
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    /** Appends a POSIX class such as {@code [:alpha:]} or {@code [:^alpha:]} at {@code pos}, if one is there. */
    private boolean posixClass(StringBuilder cls) {
        int end = src.indexOf(":]", pos + 2);
        if (end < 0) {
            return false;
        }
        String whole = src.substring(pos, end + 2);
        String name = src.substring(pos + 2, end);
        boolean negated = name.startsWith("^");
        int[] ranges = GoCharClasses.POSIX_CLASSES.get(negated ? name.substring(1) : name);
        if (ranges == null) {
            throw error("invalid character class range", whole);
        }
        GoCharClasses.appendRanges(cls, negated ? GoCharClasses.complement(ranges) : ranges);
        pos = end + 2;
        return true;
    }
}
