package io.plumb.bench;

import io.plumb.bench.TestsWorkload.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@code MigrationGenerator} writes the migration files of a {@link TestsWorkload}, three to five statements each,
 * as a schema grows in a real project: file {@code i} creates table {@code tN} (and one time in four a child table of
 * it), and fills the rest with changes to tables of earlier files: an added column (backfilled one time in two), an
 * index, or a data migration that shifts a counter.
 */
final class MigrationGenerator {

    private static final String[] TYPES = {"integer", "text", "real", "numeric"};

    private final Random random;
    private final List<Integer> tables = new ArrayList<>();

    MigrationGenerator(Random random) {
        this.random = random;
    }

    List<Migration> generate(int files) {
        List<Migration> migrations = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            migrations.add(migration(i));
        }
        return migrations;
    }

    private Migration migration(int file) {
        int earlier = tables.size();
        int target = 3 + random.nextInt(3);
        List<String> statements = new ArrayList<>();
        List<DataMigration> data = new ArrayList<>();
        int table = createTable(statements, -1);
        String description = "create_t" + table;
        if (target - statements.size() >= 2 && random.nextInt(4) == 0) {
            createTable(statements, table);
        }
        while (statements.size() < target && earlier > 0) {
            int other = tables.get(random.nextInt(earlier));
            int kind = random.nextInt(6);
            // Suffixed with the statement's position: two changes of a file may pick the same table.
            String suffix = file + "_" + statements.size();
            if (kind < 2 && statements.size() + 2 <= target) {
                String column = "c" + suffix;
                statements.add("ALTER TABLE t" + other + " ADD COLUMN " + column + " text NULL");
                if (random.nextBoolean()) {
                    DataMigration.Backfill backfill = new DataMigration.Backfill(other, column);
                    statements.add(backfill.sql());
                    data.add(backfill);
                }
            } else if (kind < 4) {
                statements.add("CREATE INDEX t" + other + "_qty_" + suffix + " ON t" + other + " (qty)");
            } else if (kind == 4 && data.isEmpty()) {
                DataMigration.QtyShift shift = new DataMigration.QtyShift(other, 1 + random.nextInt(9));
                statements.add(shift.sql());
                data.add(shift);
            }
        }
        // The first file has no earlier table to change: it indexes its own.
        while (statements.size() < target) {
            statements.add("CREATE INDEX t" + table + "_qty_" + statements.size() + " ON t" + table + " (qty)");
        }
        if (!data.isEmpty()) {
            description += "_migrate_data";
        }
        return new Migration(file, description, statements, data);
    }

    /** Creates a table with the columns every case seeds, a child of {@code parent} when not negative. */
    private int createTable(List<String> statements, int parent) {
        int table = tables.size() + 1;
        tables.add(table);
        StringBuilder sql = new StringBuilder("CREATE TABLE t")
                .append(table)
                .append(" (id integer NOT NULL PRIMARY KEY, name text NOT NULL, qty integer NOT NULL DEFAULT 0");
        int extra = random.nextInt(3);
        for (int c = 1; c <= extra; c++) {
            sql.append(", x").append(c).append(' ').append(TYPES[random.nextInt(TYPES.length)]);
            sql.append(" NULL");
        }
        if (parent >= 0) {
            sql.append(", parent_id integer NULL REFERENCES t").append(parent).append(" (id)");
        }
        statements.add(sql.append(')').toString());
        if (parent < 0) {
            statements.add("CREATE INDEX t" + table + "_name ON t" + table + " (name)");
        }
        return table;
    }
}
