package io.plumb.engine.dialect.postgres.psql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code CatalogRows} runs one catalogue query of a describer and returns its rows as psql sees them: every value
 * as text, SQL NULL as null. Queries name their relation by the number in {@code %d}, which is an oid read from
 * the catalogue, never user input.
 */
final class CatalogRows {

    /** One row of text values. */
    record Row(@Nullable String[] values) {

        /** Returns a value, null for SQL NULL. */
        @Nullable
        String get(int index) {
            return values[index];
        }

        /** Returns a value, an empty string for SQL NULL, as psql prints it. */
        String text(int index) {
            String value = values[index];
            return value == null ? "" : value;
        }

        /** Returns whether a boolean value, cast to text in the query, is true. */
        boolean is(int index) {
            return "true".equals(values[index]);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Row row && Arrays.equals(values, row.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    private final Connection connection;

    CatalogRows(Connection connection) {
        this.connection = connection;
    }

    /** Runs a query whose every {@code %d} is the relation's oid. */
    List<Row> query(String sql, long oid) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql.replace("%d", Long.toString(oid)))) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                @Nullable String[] values = new String[columns];
                for (int i = 0; i < columns; i++) {
                    values[i] = result.getString(i + 1);
                }
                rows.add(new Row(values));
            }
        }
        return rows;
    }
}
