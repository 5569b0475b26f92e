package io.plumb.bench;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.lint.ChangeDetector;
import io.plumb.engine.lint.LintConfig;
import io.plumb.engine.lint.LintReport;
import io.plumb.engine.lint.Linter;
import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.MigrationFile;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * {@code LintBench} measures {@code migrate lint} on a directory of 1,000 generated files (a table with a few
 * columns, two rows, an index, and now and then a column added to an earlier table): {@code --latest 1} and {@code
 * --latest 50} on SQLite, and {@code --latest 50} on embedded PostgreSQL, each beside the time of replaying the whole
 * directory on the same dev database, which is what lint has to do at least. Linting runs every new statement
 * alone and inspects the dev database after it; every generated statement is one lint re-reads a single table
 * after, so the bench measures that scoped inspection and the diff that follows it, not a full inspection of the
 * 1,000 tables. It prints the median of the rounds (3 by default).
 */
public final class LintBench {

    private LintBench() {}

    /** Runs the bench; arguments: files (1,000), rounds (3), dialects ({@code sqlite,postgres}). */
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> dialects = List.of((args.length > 2 ? args[2] : "sqlite,postgres").split(","));
        List<MigrationFile> dir = generate(files, new Random(20_261_206L));
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("plumb-lint-bench");
        out.printf("lint bench: %d files, %d statements, median of %d rounds%n", files, statements(dir), rounds);
        if (dialects.contains("sqlite")) {
            Supplier<Database> sqlite = () -> Database.open("sqlite://lint-bench?mode=memory", work);
            measure(out, "sqlite", sqlite, dir, rounds, List.of(1, 50));
        }
        if (dialects.contains("postgres")) {
            Isolation isolation = Isolation.open(EmbeddedServers.postgres(), work);
            List<IsolatedDatabase> open = new ArrayList<>();
            Supplier<Database> postgres = () -> {
                IsolatedDatabase db = isolation.fresh();
                open.add(db);
                return db.database();
            };
            measure(out, "postgres", postgres, dir, rounds, List.of(50));
            open.forEach(IsolatedDatabase::close);
        }
        System.exit(0);
    }

    private static void measure(
            PrintStream out,
            String name,
            Supplier<Database> dev,
            List<MigrationFile> dir,
            int rounds,
            List<Integer> latest) {
        long[] replay = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            Database db = dev.get();
            long start = System.nanoTime();
            DirReplay.replay(db, dir);
            replay[r] = System.nanoTime() - start;
            closeSqlite(db);
        }
        out.printf("%-9s replay of all %d files: %8.0f ms%n", name, dir.size(), median(replay) / 1e6);
        for (int n : latest) {
            long[] lint = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                Database db = dev.get();
                long start = System.nanoTime();
                LintReport report = new Linter(db, LintConfig.NONE).lint(dir, ChangeDetector.latest(n));
                lint[r] = System.nanoTime() - start;
                if (report.files().size() != n || report.hasErrors()) {
                    throw new IllegalStateException(name + ": lint --latest " + n + " linted "
                            + report.files().size() + " files, errors: " + report.hasErrors());
                }
                closeSqlite(db);
            }
            out.printf(
                    "%-9s lint --latest %-3d          %8.0f ms  (%.2fx the replay of all files)%n",
                    name, n, median(lint) / 1e6, (double) median(lint) / median(replay));
        }
    }

    private static void closeSqlite(Database db) {
        if (db.dialect().name().equals("sqlite")) {
            db.close();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int statements(List<MigrationFile> dir) {
        return dir.stream().mapToInt(f -> f.text().split(";\n").length).sum();
    }

    // Portable SQL: the same files run on SQLite and PostgreSQL.
    private static List<MigrationFile> generate(int files, Random random) {
        String[] types = {"integer", "text", "numeric"};
        List<MigrationFile> dir = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            StringBuilder sql = new StringBuilder("CREATE TABLE t_" + i
                    + " (id integer NOT NULL PRIMARY KEY, name text NOT NULL, qty integer NOT NULL DEFAULT 0");
            for (int c = 1; c <= 1 + random.nextInt(4); c++) {
                sql.append(", c")
                        .append(c)
                        .append(' ')
                        .append(types[random.nextInt(types.length)])
                        .append(" NULL");
            }
            sql.append(");\n");
            sql.append("INSERT INTO t_").append(i).append(" (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 2);\n");
            sql.append("CREATE INDEX t_")
                    .append(i)
                    .append("_name ON t_")
                    .append(i)
                    .append(" (name);\n");
            if (i > 1 && random.nextInt(5) == 0) {
                sql.append("ALTER TABLE t_")
                        .append(1 + random.nextInt(i - 1))
                        .append(" ADD COLUMN added_")
                        .append(i)
                        .append(" text NULL DEFAULT 'x';\n");
            }
            dir.add(new MigrationFile(i + "_t" + i + ".sql", sql.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return dir;
    }
}
