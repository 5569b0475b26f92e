package io.plumb.engine.dialect.postgres.psql;

import io.plumb.engine.dialect.postgres.psql.PsqlText.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code PsqlTable} is one result as psql prints it in its default {@code aligned} format ({@code border 1},
 * {@code linestyle ascii}, not expanded, not wrapped: what {@code psql -c} writes to a pipe): a centred title, centred
 * column headers, a rule, left-aligned cells, one footer per line and a closing empty line. Cells with newlines
 * take several display lines, marked with {@code +} at the right as psql marks them.
 *
 * @param title the title line, centred over the table when narrower than it
 * @param headers the column headers
 * @param rows the cells, one list per row of {@code headers.size()} values
 * @param footers the footer lines under the table
 */
record PsqlTable(String title, List<String> headers, List<List<String>> rows, List<String> footers) {

    PsqlTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        footers = List.copyOf(footers);
    }

    /** Returns the text psql prints, every line ending with a newline, trailing spaces included. */
    String render() {
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = PsqlText.width(headers.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], PsqlText.width(row.get(i)));
            }
        }
        // Each column adds " | " around it, less one space at the outer edges.
        int total = columns == 0 ? 0 : columns * 3 - 1;
        for (int width : widths) {
            total += width;
        }
        StringBuilder out = new StringBuilder();
        int titleWidth = PsqlText.width(title);
        out.append(titleWidth >= total ? "" : " ".repeat((total - titleWidth) / 2))
                .append(title)
                .append('\n');
        header(out, widths);
        rule(out, widths);
        for (List<String> row : rows) {
            row(out, widths, row);
        }
        for (String footer : footers) {
            out.append(footer).append('\n');
        }
        return out.append('\n').toString();
    }

    private void header(StringBuilder out, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String header = headers.get(i);
            int space = widths[i] - PsqlText.width(header);
            out.append(' ')
                    .append(" ".repeat(space / 2))
                    .append(header)
                    .append(" ".repeat((space + 1) / 2))
                    .append(' ');
            if (i < widths.length - 1) {
                out.append('|');
            }
        }
        out.append('\n');
    }

    private static void rule(StringBuilder out, int[] widths) {
        out.append('-');
        for (int i = 0; i < widths.length; i++) {
            out.append("-".repeat(widths[i]));
            if (i < widths.length - 1) {
                out.append("-+-");
            }
        }
        out.append("-\n");
    }

    private static void row(StringBuilder out, int[] widths, List<String> cells) {
        int columns = widths.length;
        List<List<Line>> lines = new ArrayList<>();
        int height = 1;
        for (String cell : cells) {
            List<Line> cellLines = PsqlText.lines(cell);
            lines.add(cellLines);
            height = Math.max(height, cellLines.size());
        }
        for (int n = 0; n < height; n++) {
            for (int j = 0; j < columns; j++) {
                List<Line> cellLines = lines.get(j);
                boolean last = j == columns - 1;
                // A cell continued from the line above starts with psql's newline mark, a space in ascii style.
                out.append(' ');
                boolean more = n + 1 < cellLines.size();
                if (n < cellLines.size()) {
                    Line line = cellLines.get(n);
                    out.append(line.text());
                    if (!last || more) {
                        out.append(" ".repeat(widths[j] - line.width()));
                    }
                } else if (!last) {
                    out.append(" ".repeat(widths[j]));
                }
                if (more) {
                    out.append('+');
                } else if (!last) {
                    out.append(' ');
                }
                if (!last) {
                    out.append('|');
                }
            }
            out.append('\n');
        }
    }
}
