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
 * A {@code TestsWorkload} is the seeded migration directory and migration-test file {@link TestsBench} runs: files
 * that each create a table or two, add columns and indexes to earlier tables and now and then migrate data, and
 * cases that each migrate to a version, seed rows, migrate one to three files further and assert on the rows.
 *
 * @param seed the seed both were generated from
 * @param migrations the files in version order
 * @param cases the test cases in file order
 */
public record TestsWorkload(long seed, List<Migration> migrations, List<MigrationTestCase> cases) {

    /** Versions are timestamps, as {@code migrate diff} names files: {@code 20240101000001} for the first. */
    private static final long FIRST_VERSION = 20_240_101_000_001L;

    /**
     * One migration file.
     *
     * @param number its position, from 1
     * @param description the name's part after the version
     * @param statements its statements, without the closing semicolons
     * @param dataMigrations the statements among them that change existing rows
     */
    public record Migration(
            int number, String description, List<String> statements, List<DataMigration> dataMigrations) {

        public Migration {
            statements = List.copyOf(statements);
            dataMigrations = List.copyOf(dataMigrations);
        }

        /** Returns the file's version. */
        public String version() {
            return version(number);
        }

        /** Returns the version of the file at a position. */
        static String version(int number) {
            return Long.toString(FIRST_VERSION - 1 + number);
        }

        /** Returns the file name, {@code VERSION_DESCRIPTION.sql}. */
        public String fileName() {
            return version() + "_" + description + ".sql";
        }

        /** Returns the file's text, one statement per line. */
        public String sql() {
            return String.join(";\n", statements) + ";\n";
        }
    }

    public TestsWorkload {
        migrations = List.copyOf(migrations);
        cases = List.copyOf(cases);
    }

    /**
     * Generates {@code files} migration files and {@code cases} test cases; the same seed always gives the same
     * workload.
     */
    public static TestsWorkload generate(int files, int cases, long seed) {
        if (files < 4) {
            throw new IllegalArgumentException("number of migration files: expected at least 4, found " + files);
        }
        if (cases < 1) {
            throw new IllegalArgumentException("number of test cases: expected at least 1, found " + cases);
        }
        Random random = new Random(seed);
        List<Migration> migrations = new MigrationGenerator(random).generate(files);
        List<MigrationTestCase> tests = new ArrayList<>();
        int width = Integer.toString(cases).length();
        for (int i = 1; i <= cases; i++) {
            String name = String.format(Locale.ROOT, "case-%0" + width + "d", i);
            tests.add(MigrationTestCase.generate(name, migrations, random));
        }
        return new TestsWorkload(seed, migrations, tests);
    }

    /** Returns the total number of statements in the files. */
    public int statements() {
        return migrations.stream().mapToInt(m -> m.statements().size()).sum();
    }

    /** Returns the number of files that change existing rows. */
    public long filesWithDataMigrations() {
        return migrations.stream().filter(m -> !m.dataMigrations().isEmpty()).count();
    }

    /** Returns how many files the cases apply in all when each replays from an empty database. */
    public int filesReplayed() {
        return cases.stream().mapToInt(MigrationTestCase::lastFile).sum();
    }

    /**
     * Returns the fewest files the cases can apply in all when they start from snapshots: the prefix up to the highest
     * first target once (its snapshots taken on the way up), then each case's files after its seed.
     */
    public int filesWithSnapshots() {
        int prefix = cases.stream().mapToInt(MigrationTestCase::firstFile).max().orElse(0);
        return prefix
                + cases.stream().mapToInt(c -> c.lastFile() - c.firstFile()).sum();
    }

    /** Writes the migration directory with its {@code atlas.sum}. */
    public void writeDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Migration migration : migrations) {
            Files.writeString(dir.resolve(migration.fileName()), migration.sql(), StandardCharsets.UTF_8);
        }
        MigrationDir.openOrCreate(dir.toString(), dir).rehash();
    }

    /** Writes the test file, one {@code test "migrate"} block per case. */
    public void writeTests(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (MigrationTestCase test : cases) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(test.hcl());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
