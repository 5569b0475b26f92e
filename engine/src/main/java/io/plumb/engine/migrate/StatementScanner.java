package io.plumb.engine.migrate;

import io.plumb.engine.source.SqlScript;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code StatementScanner} splits the text of a migration file into statements, as the reference tool's lexer
 * does for a dialect (reference 4.6).
 */
public final class StatementScanner {

    private StatementScanner() {}

    /**
     * Splits a file's text into statements.
     *
     * @throws ScanException when the text cannot be split (positions are 1-based lines and columns of the text)
     */
    public static List<Statement> scan(String text, ScannerOptions options) {
        // Placeholder until the scanner lands: the schema-file splitter, with the delimiter put back.
        List<Statement> statements = new ArrayList<>();
        for (String sql : SqlScript.split(text)) {
            statements.add(new Statement(sql + ";", 1, 1, List.of()));
        }
        return statements;
    }
}
