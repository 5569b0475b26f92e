package io.plumb.engine.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code TableRendering} renders a result as {@code exec}'s {@code table} format, a psql-like grid: a header line,
 * a separator of dashes and {@code +}, then one line per row, without psql's row-count footer. Each column is as
 * wide as its widest header or value, with one space of padding on each side; headers are centred (an odd space goes
 * right, as in psql), numbers aligned right, everything else left; NULL is empty.
 */
final class TableRendering {

    private TableRendering() {}

    static String render(ResultTable table) {
        int columns = table.columns().size();
        if (columns == 0) {
            return "";
        }
        List<List<String>> cells = new ArrayList<>();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = length(table.columns().get(c));
        }
        for (List<?> row : table.rows()) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                Object value = row.get(c);
                String text = value == null ? "" : CellText.of(value);
                numeric[c] |= value != null && CellText.isNumber(value);
                widths[c] = Math.max(widths[c], length(text));
                line.add(text);
            }
            cells.add(line);
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(table.columns(), widths, column -> Align.CENTER));
        List<String> dashes = new ArrayList<>();
        for (int width : widths) {
            dashes.add("-".repeat(width + 2));
        }
        lines.add(String.join("+", dashes));
        for (List<String> row : cells) {
            lines.add(line(row, widths, column -> numeric[column] ? Align.RIGHT : Align.LEFT));
        }
        return String.join("\n", lines);
    }

    private enum Align {
        LEFT,
        RIGHT,
        CENTER
    }

    private static String line(List<String> texts, int[] widths, java.util.function.IntFunction<Align> align) {
        List<String> padded = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) {
            padded.add(" " + pad(texts.get(c), widths[c], align.apply(c)) + " ");
        }
        return String.join("|", padded);
    }

    private static String pad(String text, int width, Align align) {
        int spare = width - length(text);
        return switch (align) {
            case LEFT -> text + " ".repeat(spare);
            case RIGHT -> " ".repeat(spare) + text;
            case CENTER -> " ".repeat(spare / 2) + text + " ".repeat(spare - spare / 2);
        };
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
