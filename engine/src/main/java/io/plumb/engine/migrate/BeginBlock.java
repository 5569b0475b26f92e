package io.plumb.engine.migrate;

/**
 * A {@code BeginBlock} is a compound {@code BEGIN ... END} (or {@code BEGIN ATOMIC ... END}) block: the body of a
 * trigger, function, procedure or event, whose inner {@code ;} do not end the statement.
 *
 * <p>Nested {@code BEGIN} and {@code CASE} open levels that an {@code END} (or {@code END CASE}) closes; {@code END
 * IF}, {@code END LOOP}, {@code END WHILE}, {@code END REPEAT} and {@code END FOR} close control flow, not a level.
 * A word after a dot ({@code NEW.end}) is a name, never a keyword.
 */
final class BeginBlock {

    private BeginBlock() {}

    /**
     * Returns whether the {@code BEGIN} ending at {@code wordEnd} opens a block.
     *
     * @param inRoutine whether the statement creates a trigger, function, procedure or event
     */
    static boolean opens(Lexer lexer, int wordEnd, boolean inRoutine) {
        ScannerOptions options = lexer.options;
        int next = lexer.skipSpaces(wordEnd);
        Keyword following = Keyword.of(lexer.text, next, lexer.wordEnd(next));
        if (following == Keyword.ATOMIC) {
            return options.matchBeginAtomic() || (options.matchBegin() && inRoutine);
        }
        // Outside a routine body, BEGIN [WORK | TRANSACTION]; starts a transaction.
        if (!options.matchBegin() || !inRoutine || next >= lexer.length || lexer.text.charAt(next) == ';') {
            return false;
        }
        return following != Keyword.WORK && following != Keyword.TRANSACTION;
    }

    /**
     * Moves the lexer from just past a block's {@code BEGIN} to just past its matching {@code END}.
     *
     * @param begin the offset of the {@code BEGIN}, where an unclosed block is reported
     * @throws ScanException when the text ends before the block does, or inside a quote or comment
     */
    static void skip(Lexer lexer, int begin) {
        String text = lexer.text;
        int depth = 1;
        while (true) {
            if (lexer.atEnd()) {
                throw lexer.error(begin, "unclosed BEGIN block: expected a matching END");
            }
            char c = text.charAt(lexer.pos);
            if (lexer.skipOpaque()) {
                continue;
            }
            if (!Lexer.isWordPart(c)) {
                lexer.pos++;
                continue;
            }
            boolean qualified = lexer.pos > 0 && text.charAt(lexer.pos - 1) == '.';
            int start = lexer.skipWord(DelimiterDirective.DEFAULT);
            Keyword word = qualified ? Keyword.OTHER : Keyword.of(text, start, lexer.pos);
            if (word == Keyword.BEGIN || word == Keyword.CASE) {
                depth++;
            } else if (word == Keyword.END && closesLevel(lexer) && --depth == 0) {
                return;
            }
        }
    }

    // Reads the word after an END: END IF and its kin close no level; END CASE closes one, and its CASE is
    // consumed so that it is not counted as opening another.
    private static boolean closesLevel(Lexer lexer) {
        int next = lexer.skipSpaces(lexer.pos);
        int nextEnd = lexer.wordEnd(next);
        Keyword following = Keyword.of(lexer.text, next, nextEnd);
        if (following.endsControlFlow()) {
            return false;
        }
        if (following == Keyword.CASE) {
            lexer.pos = nextEnd;
        }
        return true;
    }
}
