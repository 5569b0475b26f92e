package io.plumb.engine.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code CsvRendering} renders a result as {@code exec}'s {@code csv} format: one line per row, values joined by
 * {@code ", "}, no header. NULL is {@code NULL}; a value holding a comma, a double quote, a line break, or
 * leading or trailing spaces, and a text equal to {@code NULL}, is quoted with double quotes, inner quotes doubled,
 * so that every rendering reads back to one row.
 */
final class CsvRendering {

    private CsvRendering() {}

    static String render(ResultTable table) {
        List<String> lines = new ArrayList<>();
        for (List<?> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (Object value : row) {
                cells.add(value == null ? "NULL" : quoted(CellText.of(value)));
            }
            lines.add(String.join(", ", cells));
        }
        return String.join("\n", lines);
    }

    static String quoted(String text) {
        boolean quote = text.equals("NULL")
                || text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")
                || (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
