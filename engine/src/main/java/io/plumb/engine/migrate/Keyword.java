package io.plumb.engine.migrate;

/**
 * A {@code Keyword} is one of the few words the statement scanner must recognise to find the extent of compound
 * {@code BEGIN ... END} blocks; every other word is {@link #OTHER}.
 */
enum Keyword {
    ATOMIC,
    BEGIN,
    CASE,
    CREATE,
    END,
    EVENT,
    FOR,
    FUNCTION,
    IF,
    LOOP,
    PROCEDURE,
    REPEAT,
    TRANSACTION,
    TRIGGER,
    WHILE,
    WORK,
    OTHER;

    // Every keyword but OTHER, which is declared last.
    private static final Keyword[] WORDS = java.util.Arrays.copyOf(values(), values().length - 1);

    /** Returns the keyword spelled, in any case, by {@code text[start, end)}. */
    static Keyword of(String text, int start, int end) {
        int length = end - start;
        // Compared in place: the scanner reads every word of a file, and a substring per word would be garbage.
        for (Keyword keyword : WORDS) {
            String name = keyword.name();
            if (name.length() == length && text.regionMatches(true, start, name, 0, length)) {
                return keyword;
            }
        }
        return OTHER;
    }

    /** Returns whether {@code END <this>} closes a loop or condition, not a block: {@code END IF}, {@code END LOOP}. */
    boolean endsControlFlow() {
        return this == IF || this == LOOP || this == WHILE || this == REPEAT || this == FOR;
    }

    /** Returns whether the word names a routine whose body may be a compound block. */
    boolean isRoutine() {
        return this == TRIGGER || this == FUNCTION || this == PROCEDURE || this == EVENT;
    }
}
