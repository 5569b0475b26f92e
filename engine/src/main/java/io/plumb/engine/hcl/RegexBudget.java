package io.plumb.engine.hcl;

/**
 * A {@code RegexBudget} is the text a regular expression runs over, counting the characters the matcher reads: Java's
 * backtracking engine takes exponential time on patterns such as {@code (a+)+$} where Go's RE2 does not, so a match
 * that reads too much is stopped with {@link Exhausted}.
 */
final class RegexBudget implements CharSequence {

    /** Thrown when a match has read more characters than it may. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("regular expression budget exhausted", null, false, false);
        }
    }

    /** Enough for a linear-time match over megabytes of text, yet a fraction of a second of backtracking. */
    private static final long STEPS = 20_000_000L;

    private final String text;
    private final long[] left;

    private RegexBudget(String text, long[] left) {
        this.text = text;
        this.left = left;
    }

    static RegexBudget of(String text) {
        return new RegexBudget(text, new long[] {STEPS});
    }

    @Override
    public char charAt(int index) {
        if (--left[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new RegexBudget(text.substring(start, end), left);
    }

    @Override
    public String toString() {
        return text;
    }
}
