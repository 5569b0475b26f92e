package io.plumb.bench;

import io.plumb.engine.migrate.MigrationDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code IsolationWorkload} is the schema {@link IsolationBench} hands out copies of: a migration directory of one
 * file per table, each creating the table with an index and a foreign key to the table before it and inserting its
 * share of the rows, in SQL that SQLite, PostgreSQL and MariaDB all run unchanged (nothing quoted, only {@code
 * integer}, {@code varchar(100)} and {@code text}).
 *
 * @param tables how many tables (and files)
 * @param rows how many rows in all, spread evenly over the tables
 */
record IsolationWorkload(int tables, int rows) {

    IsolationWorkload {
        if (tables < 1 || rows < tables) {
            throw new IllegalArgumentException("workload: expected at least 1 table and a row per table, found "
                    + tables + " tables and " + rows + " rows");
        }
    }

    /** Returns the name of table {@code i}, counted from 1. */
    static String table(int i) {
        return "t_" + i;
    }

    /** Returns how many rows table {@code i} holds; the first tables take the remainder. */
    int rowsOf(int i) {
        return rows / tables + (i <= rows % tables ? 1 : 0);
    }

    /** Writes the files and {@code atlas.sum} into a new directory and returns it. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 1; i <= tables; i++) {
            String name = String.format("%04d_create_%s.sql", i, table(i));
            Files.writeString(dir.resolve(name), file(i), StandardCharsets.UTF_8);
        }
        MigrationDir.open(dir.toString(), dir).rehash();
        return dir;
    }

    private String file(int i) {
        StringBuilder sql = new StringBuilder();
        sql.append("CREATE TABLE ")
                .append(table(i))
                .append(" (\n")
                .append("  id integer NOT NULL PRIMARY KEY,\n")
                .append("  parent_id integer")
                .append(i > 1 ? " REFERENCES " + table(i - 1) + " (id)" : "")
                .append(",\n")
                .append("  name varchar(100) NOT NULL,\n")
                .append("  score integer NOT NULL,\n")
                .append("  note text\n")
                .append(");\n");
        sql.append("CREATE INDEX ")
                .append(table(i))
                .append("_name ON ")
                .append(table(i))
                .append(" (name);\n");
        sql.append("INSERT INTO ").append(table(i)).append(" (id, parent_id, name, score, note) VALUES\n");
        int count = rowsOf(i);
        int parents = i > 1 ? rowsOf(i - 1) : 0;
        for (int row = 1; row <= count; row++) {
            String parent = parents == 0 ? "NULL" : String.valueOf((row * 7) % parents + 1);
            sql.append("  (")
                    .append(row)
                    .append(", ")
                    .append(parent)
                    .append(", 'name ")
                    .append(i)
                    .append('-')
                    .append(row)
                    .append("', ")
                    .append((row * 31 + i) % 1000)
                    .append(", 'note for row ")
                    .append(row)
                    .append(" of ")
                    .append(table(i))
                    .append("')")
                    .append(row < count ? ",\n" : ";\n");
        }
        return sql.toString();
    }
}
