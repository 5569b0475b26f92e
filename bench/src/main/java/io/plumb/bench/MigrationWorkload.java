package io.plumb.bench;

import io.plumb.engine.migrate.MigrationDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A {@code MigrationWorkload} is the seeded set of migration files {@link MigrateBench} applies: file {@code i} creates
 * table {@code t_i} with a few columns, inserts two rows and indexes one column, and about one file in five also adds
 * a column to an earlier table. The same statements are written in Plumb's (Atlas's) layout, in Flyway's, and as one
 * script for the {@code sqlite3} shell.
 *
 * @param migrations the files in apply order
 */
public record MigrationWorkload(List<Migration> migrations) {

    /** One migration file: its table number and its statements, one per line, each ending in a semicolon. */
    public record Migration(int number, String description, String sql) {

        /** Returns the Atlas name, zero-padded so that versions compare as strings: {@code 000001_create_t_1.sql}. */
        public String plumbName() {
            return String.format(Locale.ROOT, "%06d_%s.sql", number, description);
        }

        /** Returns the Flyway name: {@code V1__create_t_1.sql}. */
        public String flywayName() {
            return "V" + number + "__" + description + ".sql";
        }

        /** Returns the number of statements in the file. */
        public int statements() {
            return (int) sql.chars().filter(c -> c == ';').count();
        }
    }

    private static final String[] TYPES = {"integer", "text", "real", "blob", "numeric"};

    public MigrationWorkload {
        migrations = List.copyOf(migrations);
    }

    /** Generates {@code files} migrations; the same seed always gives the same statements. */
    public static MigrationWorkload generate(int files, long seed) {
        if (files < 1) {
            throw new IllegalArgumentException("number of migration files: expected at least 1, found " + files);
        }
        Random random = new Random(seed);
        List<Migration> migrations = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            migrations.add(migration(i, random));
        }
        return new MigrationWorkload(migrations);
    }

    private static Migration migration(int i, Random random) {
        String table = "t_" + i;
        int extra = 1 + random.nextInt(4);
        StringBuilder sql = new StringBuilder("CREATE TABLE ")
                .append(table)
                .append(" (id integer NOT NULL PRIMARY KEY, name text NOT NULL, qty integer NOT NULL DEFAULT 0");
        for (int c = 1; c <= extra; c++) {
            sql.append(", c")
                    .append(c)
                    .append(' ')
                    .append(TYPES[random.nextInt(TYPES.length)])
                    .append(" NULL");
        }
        sql.append(");\n");
        sql.append("INSERT INTO ")
                .append(table)
                .append(" (id, name, qty) VALUES (1, 'first ")
                .append(i);
        sql.append("', ")
                .append(random.nextInt(1000))
                .append("), (2, 'second ")
                .append(i)
                .append("', ");
        sql.append(random.nextInt(1000)).append(");\n");
        sql.append("CREATE INDEX ")
                .append(table)
                .append("_name ON ")
                .append(table)
                .append(" (name);\n");
        String description = "create_" + table;
        if (i > 1 && random.nextInt(5) == 0) {
            int earlier = 1 + random.nextInt(i - 1);
            sql.append("ALTER TABLE t_")
                    .append(earlier)
                    .append(" ADD COLUMN added_")
                    .append(i);
            sql.append(" text NULL DEFAULT 'x';\n");
            description += "_alter_t_" + earlier;
        }
        return new Migration(i, description, sql.toString());
    }

    /** Returns the total number of statements. */
    public int statements() {
        return migrations.stream().mapToInt(Migration::statements).sum();
    }

    /** Writes the files in Plumb's layout, with the {@code atlas.sum} Plumb checks before applying. */
    public void writePlumbDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Migration migration : migrations) {
            Files.writeString(dir.resolve(migration.plumbName()), migration.sql(), StandardCharsets.UTF_8);
        }
        MigrationDir.openOrCreate(dir.toString(), dir).rehash();
    }

    /** Writes the files in Flyway's layout. */
    public void writeFlywayDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Migration migration : migrations) {
            Files.writeString(dir.resolve(migration.flywayName()), migration.sql(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes one script for the {@code sqlite3} shell that wraps every file in its own transaction, as Plumb's default
     * transaction mode {@code file} does.
     */
    public void writeSqlite3Script(Path script) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Migration migration : migrations) {
            all.append("BEGIN;\n").append(migration.sql()).append("COMMIT;\n");
        }
        Files.writeString(script, all, StandardCharsets.UTF_8);
    }
}
