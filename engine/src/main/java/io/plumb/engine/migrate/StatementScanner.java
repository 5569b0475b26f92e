package io.plumb.engine.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code StatementScanner} splits the text of a migration file into statements, as the reference tool's lexer
 * does for a dialect (reference 4.6).
 *
 * <p>A statement ends at the delimiter ({@code ;} unless {@code -- atlas:delimiter D} on the first line or a MySQL
 * {@code DELIMITER D} command says otherwise) outside parentheses, quotes, comments, dollar quotes and compound
 * {@code BEGIN ... END} blocks. The comment lines directly above a statement are its comments, not its text; a
 * blank line detaches them. With a custom delimiter, the delimiter ends a statement even inside a {@code BEGIN}
 * block: choosing one is how a file says where its statements end.
 *
 * <p>One forward pass reads the file, so scanning takes time linear in its length.
 *
 * <p>Known limits: SQLite's {@code [bracketed]} identifiers are not quotes (a {@code [begin]} inside a trigger
 * miscounts its block); in MySQL {@code --} starts a comment even without a following space; MySQL's versioned
 * comments ({@code /*!...}) are opaque comments; PostgreSQL's nested block comments are not nested; a
 * {@code \n\n} delimiter does not match CRLF blank lines.
 */
public final class StatementScanner {

    private final Lexer lexer;
    private String delimiter;
    private final List<Statement> statements = new ArrayList<>();

    private StatementScanner(Lexer lexer, String delimiter) {
        this.lexer = lexer;
        this.delimiter = delimiter;
    }

    /**
     * Splits a file's text into statements.
     *
     * @throws ScanException when the text cannot be split (positions are 1-based lines and columns of the text)
     */
    public static List<Statement> scan(String text, ScannerOptions options) {
        refuseNul(text);
        Lexer lexer = new Lexer(text, options);
        Optional<String> custom = DelimiterDirective.ofFirstLine(text);
        if (custom.isPresent()) {
            int newline = text.indexOf('\n');
            lexer.pos = newline < 0 ? text.length() : newline + 1;
        }
        StatementScanner scanner = new StatementScanner(lexer, custom.orElse(DelimiterDirective.DEFAULT));
        scanner.scanAll();
        return List.copyOf(scanner.statements);
    }

    /**
     * Splits text at a delimiter given by its caller (a Liquibase changeset's {@code endDelimiter}), as a file whose
     * first line sets it with {@code -- atlas:delimiter} is split.
     *
     * @throws ScanException when the text cannot be split
     */
    static List<Statement> scan(String text, ScannerOptions options, String delimiter) {
        refuseNul(text);
        StatementScanner scanner = new StatementScanner(new Lexer(text, options), delimiter);
        scanner.scanAll();
        return List.copyOf(scanner.statements);
    }

    // A database reads a statement up to a NUL and drops the rest without a word (SQLite does), so a NUL is an error.
    private static void refuseNul(String text) {
        int nul = text.indexOf('\u0000');
        if (nul < 0) {
            return;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < nul; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        throw new ScanException(line, nul - lineStart + 1, "unexpected NUL character (U+0000) in SQL text");
    }

    private void scanAll() {
        while (true) {
            List<String> comments = leadingComments();
            if (lexer.atEnd()) {
                return;
            }
            if (lexer.options.hashComments()) {
                Optional<String> changed = DelimiterDirective.readCommand(lexer);
                if (changed.isPresent()) {
                    delimiter = changed.get();
                    continue;
                }
            }
            int start = lexer.pos;
            String text = lexer.text.substring(start, body()).stripTrailing();
            if (!text.isEmpty() && !text.equals(DelimiterDirective.DEFAULT)) {
                statements.add(new Statement(text, lexer.line(start), lexer.column(start), comments));
            }
        }
    }

    // Skips whitespace and comments up to the next statement and returns the comment group directly above it:
    // a blank line (two newlines with only whitespace between) starts the group afresh.
    private List<String> leadingComments() {
        List<String> group = new ArrayList<>();
        int newlines = 0;
        // The delimiter is checked first: it may be a comment (-- end) or whitespace (\n\n).
        while (!lexer.atEnd() && !lexer.startsWith(delimiter)) {
            char c = lexer.text.charAt(lexer.pos);
            if (c == '\n') {
                if (++newlines >= 2) {
                    group.clear();
                }
                lexer.pos++;
            } else if (Character.isWhitespace(c)) {
                lexer.pos++;
            } else if (lexer.atComment()) {
                int start = lexer.pos;
                lexer.skipComment();
                group.add(lexer.text.substring(start, lexer.pos).stripTrailing());
                newlines = 0;
            } else {
                break;
            }
        }
        return group;
    }

    // Moves past one statement and its delimiter; returns the end of the statement's text, which keeps a ;
    // delimiter and drops a custom one.
    private int body() {
        boolean blocks = delimiter.equals(DelimiterDirective.DEFAULT)
                && (lexer.options.matchBegin() || lexer.options.matchBeginAtomic());
        RoutineHead head = new RoutineHead();
        int depth = 0;
        int openParen = 0;
        while (true) {
            if (lexer.atEnd()) {
                if (depth > 0) {
                    throw lexer.error(openParen, "unclosed '(': expected a matching ')'");
                }
                return lexer.length;
            }
            if (lexer.startsWith(delimiter)) {
                int at = lexer.pos;
                lexer.pos += delimiter.length();
                if (depth == 0) {
                    return delimiter.equals(DelimiterDirective.DEFAULT) ? lexer.pos : at;
                }
                continue;
            }
            char c = lexer.text.charAt(lexer.pos);
            if (c == '(') {
                openParen = depth == 0 ? lexer.pos : openParen;
                depth++;
                lexer.pos++;
            } else if (c == ')') {
                if (depth == 0) {
                    throw lexer.error(lexer.pos, "unexpected ')': no '(' is open");
                }
                depth--;
                lexer.pos++;
            } else if (lexer.skipOpaque()) {
                continue;
            } else if (Lexer.isWordPart(c)) {
                word(depth == 0 && blocks, head);
            } else {
                lexer.pos++;
            }
        }
    }

    // Reads a word; a BEGIN that opens a routine's compound block is skipped to its END.
    private void word(boolean matchBlocks, RoutineHead head) {
        boolean qualified = lexer.pos > 0 && lexer.text.charAt(lexer.pos - 1) == '.';
        int start = lexer.skipWord(delimiter);
        if (!matchBlocks || qualified) {
            return;
        }
        Keyword keyword = Keyword.of(lexer.text, start, lexer.pos);
        head.read(keyword);
        if (keyword == Keyword.BEGIN && BeginBlock.opens(lexer, lexer.pos, head.isRoutine())) {
            BeginBlock.skip(lexer, start);
        }
    }

    /** The first words of a statement, enough to tell whether it creates a routine with a compound body. */
    private static final class RoutineHead {

        private int words;
        private boolean create;
        private boolean routine;

        void read(Keyword keyword) {
            if (words++ == 0) {
                create = keyword == Keyword.CREATE;
            } else if (create && keyword.isRoutine()) {
                routine = true;
            }
        }

        boolean isRoutine() {
            return routine;
        }
    }
}
