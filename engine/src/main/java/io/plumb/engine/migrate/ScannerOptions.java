package io.plumb.engine.migrate;

/**
 * {@code ScannerOptions} are what a dialect's SQL looks like to the statement scanner (reference 4.6).
 *
 * @param matchBegin {@code BEGIN ... END} compound blocks of trigger, function, procedure and event bodies are one
 *     statement
 * @param matchBeginAtomic {@code BEGIN ATOMIC ... END} blocks are one statement
 * @param matchDollarQuote {@code $$...$$} and {@code $tag$...$tag$} are opaque strings
 * @param backslashEscapes a backslash escapes a quote inside a string
 * @param hashComments {@code #} starts a comment to the end of the line, and MySQL client {@code DELIMITER}
 *     commands are honoured
 * @param escapeStrings {@code E'...'} strings take backslash escapes even without {@code backslashEscapes}
 */
public record ScannerOptions(
        boolean matchBegin,
        boolean matchBeginAtomic,
        boolean matchDollarQuote,
        boolean backslashEscapes,
        boolean hashComments,
        boolean escapeStrings) {

    /** SQLite's options. */
    public static final ScannerOptions SQLITE = new ScannerOptions(true, false, false, false, false, false);

    /** MySQL's and MariaDB's options. */
    public static final ScannerOptions MYSQL = new ScannerOptions(true, false, false, true, true, false);

    /** PostgreSQL's options. */
    public static final ScannerOptions POSTGRES = new ScannerOptions(true, true, true, false, false, true);

    /** The options of the generic splitter, for a dialect not known. */
    public static final ScannerOptions GENERIC = new ScannerOptions(false, true, true, false, false, false);

    /** Creates options without {@code E'...'} strings (the five options of the reference table). */
    public ScannerOptions(
            boolean matchBegin,
            boolean matchBeginAtomic,
            boolean matchDollarQuote,
            boolean backslashEscapes,
            boolean hashComments) {
        this(matchBegin, matchBeginAtomic, matchDollarQuote, backslashEscapes, hashComments, false);
    }

    /** Returns the options for a dialect name ({@code sqlite}, {@code mysql}, {@code postgres}), else generic. */
    public static ScannerOptions forDialect(String dialect) {
        return switch (dialect) {
            case "sqlite", "sqlite3" -> SQLITE;
            case "mysql", "mariadb", "maria" -> MYSQL;
            case "postgres", "postgresql" -> POSTGRES;
            default -> GENERIC;
        };
    }
}
