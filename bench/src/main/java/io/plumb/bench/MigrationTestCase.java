package io.plumb.bench;

import io.plumb.bench.TestsWorkload.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@code MigrationTestCase} is one generated {@code test "migrate"} block of {@link TestsBench}: migrate to the
 * version of file {@code firstFile}, seed three rows into a table that exists there, migrate to {@code lastFile}
 * (one to three files further) and assert what the files in between did to the rows. The seeded table is one that
 * those files migrate data of when there is one, as a test of the next file's data migration would pick.
 *
 * @param name the case's name
 * @param firstFile the file the case migrates to before seeding, from 1
 * @param lastFile the file it migrates to after seeding
 * @param table the number of the seeded table
 * @param assertions the queries that must return true
 */
public record MigrationTestCase(String name, int firstFile, int lastFile, int table, List<String> assertions) {

    private static final int SEEDED_QTY = 10 + 20 + 30;

    public MigrationTestCase {
        assertions = List.copyOf(assertions);
    }

    static MigrationTestCase generate(String name, List<Migration> migrations, Random random) {
        int first = 1 + random.nextInt(migrations.size() - 3);
        int last = first + 1 + random.nextInt(3);
        int tablesAtFirst = tablesUpTo(migrations, first);
        List<Integer> migrated = new ArrayList<>();
        for (Migration migration : migrations.subList(first, last)) {
            for (DataMigration data : migration.dataMigrations()) {
                if (data.table() <= tablesAtFirst) {
                    migrated.add(data.table());
                }
            }
        }
        int table =
                migrated.isEmpty() ? 1 + random.nextInt(tablesAtFirst) : migrated.get(random.nextInt(migrated.size()));
        return new MigrationTestCase(name, first, last, table, assertions(migrations.subList(first, last), table));
    }

    private static List<String> assertions(List<Migration> between, int table) {
        String seeded = " FROM t" + table + " WHERE id > 1000";
        int qty = SEEDED_QTY;
        List<String> assertions = new ArrayList<>();
        assertions.add("SELECT count(*) = 3" + seeded);
        for (Migration migration : between) {
            for (DataMigration data : migration.dataMigrations()) {
                if (data.table() != table) {
                    continue;
                }
                if (data instanceof DataMigration.QtyShift shift) {
                    qty += 3 * shift.delta();
                } else if (data instanceof DataMigration.Backfill backfill) {
                    assertions.add("SELECT count(*) = 3" + seeded + " AND " + backfill.column() + " = upper(name)");
                }
            }
        }
        assertions.add("SELECT sum(qty) = " + qty + seeded);
        return assertions;
    }

    /** Returns the number of tables the files up to and including {@code file} create. */
    private static int tablesUpTo(List<Migration> migrations, int file) {
        int tables = 0;
        for (Migration migration : migrations.subList(0, file)) {
            tables += (int) migration.statements().stream()
                    .filter(s -> s.startsWith("CREATE TABLE "))
                    .count();
        }
        return tables;
    }

    /** Returns the case as a {@code test "migrate"} block. */
    String hcl() {
        StringBuilder hcl = new StringBuilder();
        hcl.append("test \"migrate\" \"").append(name).append("\" {\n");
        hcl.append("  migrate {\n    to = \"")
                .append(Migration.version(firstFile))
                .append("\"\n  }\n");
        hcl.append("  exec {\n    sql = \"INSERT INTO t").append(table);
        hcl.append(" (id, name, qty) VALUES (1001, 'seed a', 10), (1002, 'seed b', 20), (1003, 'seed c', 30)\"\n");
        hcl.append("  }\n");
        hcl.append("  migrate {\n    to = \"")
                .append(Migration.version(lastFile))
                .append("\"\n  }\n");
        for (String assertion : assertions) {
            hcl.append("  assert {\n    sql = \"").append(assertion).append("\"\n  }\n");
        }
        return hcl.append("}\n").toString();
    }
}
