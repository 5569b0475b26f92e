package io.plumb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SchemaFingerprint} is what a migration run left in a SQLite database, less each tool's own bookkeeping
 * table: the {@code sqlite_master} rows of the workload's tables ({@code t_*}) and their indexes, and each table's row
 * count. Two legs of {@link MigrateBench} are only compared when their fingerprints are equal.
 *
 * @param objects one line per schema object: type, name, table and SQL text, in name order
 * @param rowCounts the number of rows of each workload table, in name order
 */
public record SchemaFingerprint(List<String> objects, Map<String, Long> rowCounts) {

    public SchemaFingerprint {
        objects = List.copyOf(objects);
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    /** Reads the fingerprint of a database file. */
    public static SchemaFingerprint read(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            List<String> objects = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master"
                    + " WHERE tbl_name LIKE 't\\_%' ESCAPE '\\' ORDER BY name, type")) {
                while (rows.next()) {
                    objects.add(rows.getString(1) + " " + rows.getString(2) + " on " + rows.getString(3) + ": "
                            + rows.getString(4));
                    if (rows.getString(1).equals("table")) {
                        tables.add(rows.getString(2));
                    }
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
            return new SchemaFingerprint(objects, counts);
        }
    }

    /** Returns the total number of rows in the workload's tables. */
    public long rows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Returns the first difference from another fingerprint, in words, or empty when they are equal. */
    public Optional<String> differenceFrom(SchemaFingerprint other) {
        int common = Math.min(objects.size(), other.objects.size());
        for (int i = 0; i < common; i++) {
            if (!objects.get(i).equals(other.objects.get(i))) {
                return Optional.of("schema object " + (i + 1) + " is \"" + objects.get(i) + "\" here but \""
                        + other.objects.get(i) + "\" there");
            }
        }
        if (objects.size() != other.objects.size()) {
            return Optional.of(objects.size() + " schema objects here but " + other.objects.size() + " there");
        }
        Set<String> tables = new TreeSet<>(rowCounts.keySet());
        tables.addAll(other.rowCounts.keySet());
        for (String table : tables) {
            Long mine = rowCounts.get(table);
            Long theirs = other.rowCounts.get(table);
            if (!Objects.equals(mine, theirs)) {
                return Optional.of(
                        "table " + table + " has " + rowsOrNone(mine) + " here but " + rowsOrNone(theirs) + " there");
            }
        }
        return Optional.empty();
    }

    private static String rowsOrNone(@Nullable Long rows) {
        return rows == null ? "no row count" : rows + " rows";
    }
}
