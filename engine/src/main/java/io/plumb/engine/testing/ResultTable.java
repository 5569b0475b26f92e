package io.plumb.engine.testing;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ResultTable} is the result of a statement as {@code exec} and {@code assert} see it: column labels and
 * rows of values as the driver returns them; a statement without a result set has no columns and no rows.
 *
 * @param columns the column labels
 * @param rows the rows, each with one value per column ({@code null} for SQL NULL)
 */
record ResultTable(List<String> columns, List<List<@Nullable Object>> rows) {

    ResultTable {
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(row -> Collections.unmodifiableList(new ArrayList<>(row)))
                .toList();
    }

    /** Returns the result of a statement that returned no rows, such as an insert. */
    static ResultTable none() {
        return new ResultTable(List.of(), List.of());
    }

    /** Reads every row of a result set. */
    static ResultTable read(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<@Nullable Object>> values = new ArrayList<>();
        while (rows.next()) {
            @Nullable Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rows.getObject(i + 1);
            }
            values.add(Arrays.asList(row));
        }
        return new ResultTable(columns, values);
    }

    /** Renders the rows in a format, without a trailing newline. */
    String render(OutputFormat format) {
        return switch (format) {
            case CSV -> CsvRendering.render(this);
            case TABLE -> TableRendering.render(this);
        };
    }
}
