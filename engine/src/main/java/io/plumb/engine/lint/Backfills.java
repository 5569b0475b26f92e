package io.plumb.engine.lint;

import io.plumb.engine.migrate.Statement;
import java.util.regex.Pattern;

/**
 * {@code Backfills} finds {@code UPDATE} statements of a file that fill a column before it is made NOT NULL, so
 * that {@code data_depend} does not report a change the file prepares for.
 */
final class Backfills {

    private Backfills() {}

    /** Returns whether a statement before {@code pos} sets the column of the table for all its rows or its NULLs. */
    static boolean filledBefore(LintFile file, String table, String column, int pos) {
        String name = "[`\"\\[]?" + Pattern.quote(table) + "[`\"\\]]?";
        String col = "[`\"\\[]?" + Pattern.quote(column) + "[`\"\\]]?";
        Pattern update = Pattern.compile("(?is)\\s*UPDATE\\s+(?:\\S+\\.)?" + name + "\\s+SET\\s+(?:.*[\\s,])?" + col
                + "\\s*=\\s*.+?(?:\\s+WHERE\\s+" + col + "\\s+IS\\s+NULL)?\\s*;?\\s*");
        for (Statement statement : file.statements()) {
            if (file.pos(statement) >= pos) {
                break;
            }
            String text = statement.text();
            if (update.matcher(text).matches() && !hasOtherWhere(text, col)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasOtherWhere(String text, String col) {
        return Pattern.compile("(?is).*\\sWHERE\\s.*").matcher(text).matches()
                && !Pattern.compile("(?is).*\\sWHERE\\s+" + col + "\\s+IS\\s+NULL\\s*;?\\s*")
                        .matcher(text)
                        .matches();
    }
}
