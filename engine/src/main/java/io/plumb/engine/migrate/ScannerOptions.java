package io.plumb.engine.migrate;

/**
 * {@code ScannerOptions} are what a dialect's SQL looks like to the statement scanner (reference 4.6).
 *
 * @param matchBegin {@code BEGIN ... END} compound blocks are one statement
 * @param matchBeginAtomic {@code BEGIN ATOMIC ... END} blocks are one statement
 * @param matchDollarQuote {@code $$...$$} and {@code $tag$...$tag$} are opaque strings
 * @param backslashEscapes a backslash escapes a quote inside a string
 * @param hashComments {@code #} starts a comment to the end of the line
 */
public record ScannerOptions(
        boolean matchBegin,
        boolean matchBeginAtomic,
        boolean matchDollarQuote,
        boolean backslashEscapes,
        boolean hashComments) {

    /** SQLite's options. */
    public static final ScannerOptions SQLITE = new ScannerOptions(true, false, false, false, false);

    /** MySQL's and MariaDB's options. */
    public static final ScannerOptions MYSQL = new ScannerOptions(true, false, false, true, true);

    /** PostgreSQL's options. */
    public static final ScannerOptions POSTGRES = new ScannerOptions(true, true, true, false, false);

    /** The options of the generic splitter, for a dialect not known. */
    public static final ScannerOptions GENERIC = new ScannerOptions(false, true, true, false, false);

    /** Returns the options for a dialect name ({@code sqlite}, {@code mysql}, {@code postgres}), else generic. */
    public static ScannerOptions forDialect(String dialect) {
        return switch (dialect) {
            case "sqlite" -> SQLITE;
            case "mysql", "mariadb", "maria" -> MYSQL;
            case "postgres", "postgresql" -> POSTGRES;
            default -> GENERIC;
        };
    }
}
