package io.plumb.engine.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code UpSection} collects the statements of the part of a file that runs up, for formats that mark that part
 * with annotations (goose, dbmate): plain lines are split by the statement scanner, and positions are those of the
 * whole file.
 */
final class UpSection {

    private final MigrationFile file;
    private final ScannerOptions options;
    private final List<Statement> statements = new ArrayList<>();
    private final List<String> plain = new ArrayList<>();
    private int plainStart;

    UpSection(MigrationFile file, ScannerOptions options) {
        this.file = file;
        this.options = options;
    }

    /** Splits a file's text into lines without their line ends. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }

    /** Adds a plain line at a 1-based line number; consecutive plain lines are split together. */
    void plain(int line, String text) {
        if (plain.isEmpty()) {
            plainStart = line;
        }
        plain.add(text);
    }

    /** Splits the plain lines collected so far into statements. */
    void flush() {
        if (plain.isEmpty()) {
            return;
        }
        scanInto(plainStart, String.join("\n", plain), Optional.empty());
        plain.clear();
    }

    /**
     * Adds lines that form one statement whatever they hold (goose's {@code StatementBegin} ... {@code
     * StatementEnd}): the comment lines directly above its first line are its comments.
     */
    void block(int firstLine, List<String> lines) {
        flush();
        List<String> comments = new ArrayList<>();
        int at = 0;
        while (at < lines.size()) {
            String line = lines.get(at).strip();
            if (line.isEmpty()) {
                comments.clear();
            } else if (line.startsWith("--")) {
                comments.add(line);
            } else {
                break;
            }
            at++;
        }
        if (at == lines.size()) {
            return;
        }
        String first = lines.get(at);
        int column = first.length() - first.stripLeading().length() + 1;
        List<String> body = new ArrayList<>(lines.subList(at, lines.size()));
        body.set(0, first.stripLeading());
        if (oneStatementPerCall() && addSplit(firstLine, lines)) {
            return;
        }
        statements.add(new Statement(String.join("\n", body).stripTrailing(), firstLine + at, column, comments));
    }

    private boolean oneStatementPerCall() {
        return options.equals(ScannerOptions.MYSQL) || options.equals(ScannerOptions.SQLITE);
    }

    /**
     * Adds a block's statements one by one when it holds several, and returns whether it did; for MySQL and SQLite,
     * whose JDBC drivers run one statement per call. goose sends a block in one call, which MySQL runs statement by
     * statement on a connection with {@code multiStatements=true} (goose requires it there) and SQLite's Go drivers
     * run whole, where sqlite-jdbc would run the first statement and drop the rest without a word. The scanner keeps
     * {@code BEGIN ... END} bodies (triggers, procedures) whole, which is what a block usually holds.
     */
    private boolean addSplit(int firstLine, List<String> lines) {
        List<Statement> split;
        try {
            split = StatementScanner.scan(String.join("\n", lines), options);
        } catch (ScanException e) {
            return false;
        }
        if (split.size() < 2) {
            return false;
        }
        for (Statement s : split) {
            statements.add(new Statement(s.text(), s.line() + firstLine - 1, s.column(), s.comments()));
        }
        return true;
    }

    /**
     * Adds lines split at a delimiter of their own (a Liquibase changeset's {@code endDelimiter}), which the
     * statements do not keep. A piece between two delimiters that holds several statements is a block: for MySQL and
     * SQLite its statements are added one by one, as {@link #block} adds them.
     */
    void delimited(int firstLine, List<String> lines, String delimiter) {
        flush();
        int before = statements.size();
        scanInto(firstLine, String.join("\n", lines), Optional.of(delimiter));
        if (!oneStatementPerCall()) {
            return;
        }
        List<Statement> pieces = new ArrayList<>(statements.subList(before, statements.size()));
        statements.subList(before, statements.size()).clear();
        for (Statement piece : pieces) {
            int at = statements.size();
            // The piece's text placed at its column, so that the statements split from it keep their positions.
            if (!addSplit(piece.line(), lines(" ".repeat(piece.column() - 1) + piece.text()))) {
                statements.add(piece);
                continue;
            }
            Statement head = statements.get(at);
            List<String> comments = new ArrayList<>(piece.comments());
            comments.addAll(head.comments());
            statements.set(at, new Statement(head.text(), head.line(), head.column(), comments));
        }
    }

    // Splits text that starts at a 1-based line of the file, at the given delimiter or as a file is split.
    private void scanInto(int firstLine, String text, Optional<String> delimiter) {
        int offset = firstLine - 1;
        try {
            List<Statement> split = delimiter.isPresent()
                    ? StatementScanner.scan(text, options, delimiter.get())
                    : StatementScanner.scan(text, options);
            for (Statement s : split) {
                statements.add(new Statement(s.text(), s.line() + offset, s.column(), s.comments()));
            }
        } catch (ScanException e) {
            throw new MigrationFileException(file.name(), e.line() + offset, e.column(), e.detail(), e);
        }
    }

    /** Returns how many statements there are so far, after splitting any plain lines left. */
    int count() {
        flush();
        return statements.size();
    }

    /** Returns the statements, after splitting any plain lines left. */
    List<Statement> statements() {
        flush();
        return List.copyOf(statements);
    }

    /** Returns a file's directives with a transaction mode of none, for a file that asks to run outside one. */
    static FileDirectives noTransaction(FileDirectives directives) {
        return new FileDirectives(
                directives.delimiter(),
                Optional.of("none"),
                directives.noLint(),
                directives.checkpoint(),
                directives.txtar(),
                directives.sumIgnore());
    }
}
