package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills a real {@code migrate apply} process (SIGKILL) before a chosen statement, then resumes in this process and
 * checks that nothing ran twice and nothing was lost.
 */
class InterruptedApplyTest {

    private static final int FILES = 3;
    private static final int STATEMENTS_PER_FILE = 4;

    @TempDir
    Path root;

    private final List<IsolatedDatabase> isolated = new ArrayList<>();

    @AfterEach
    void drop() {
        isolated.forEach(IsolatedDatabase::close);
    }

    // Every statement on SQLite; on the servers (a JVM and a kill each) the first of a file and a middle one.
    static Stream<Arguments> stops() {
        Stream<Arguments> sqlite = IntStream.rangeClosed(1, FILES * STATEMENTS_PER_FILE)
                .mapToObj(stop -> Arguments.of(TestDialect.SQLITE, stop));
        Stream<Arguments> servers = Stream.of(TestDialect.POSTGRES, TestDialect.MARIADB)
                .flatMap(dialect -> Stream.of(5, 7).map(stop -> Arguments.of(dialect, stop)));
        return Stream.concat(sqlite, servers);
    }

    static Stream<Arguments> fileStops() {
        Stream<Arguments> sqlite = Stream.of(2, 7, 12).map(stop -> Arguments.of(TestDialect.SQLITE, stop));
        return Stream.concat(
                sqlite, Stream.of(TestDialect.POSTGRES, TestDialect.MARIADB).map(dialect -> Arguments.of(dialect, 7)));
    }

    /** Returns the URL of the database the child and then the test apply to. */
    private String database(TestDialect dialect) {
        if (dialect == TestDialect.SQLITE) {
            return MigrationFixture.sqliteUrl(root);
        }
        IsolatedDatabase db = dialect.fresh();
        isolated.add(db);
        return db.url();
    }

    @ParameterizedTest(name = "{0}: killed before statement {1}")
    @MethodSource("stops")
    void aRunWithoutTransactionsResumesAtTheStatementItWasKilledBefore(TestDialect dialect, int stop) throws Exception {
        writeDirectory();
        String url = database(dialect);
        killAt("none", stop, url);
        try (MigrationFixture fx = new MigrationFixture(root, dialect, url)) {
            int doneFiles = (stop - 1) / STATEMENTS_PER_FILE;
            int doneInFile = (stop - 1) % STATEMENTS_PER_FILE;
            List<Revision> revisions = fx.revisions();
            // The killed file was marked started, with exactly the statements that ran before the kill.
            assertThat(revisions).hasSize(doneFiles + 1);
            Revision last = revisions.get(revisions.size() - 1);
            assertThat(last.applied()).isEqualTo(doneInFile);
            assertThat(last.partialHashes()).hasSize(doneInFile);
            ApplyReport resumed = fx.apply(MigrationFixture.withTxMode(TxMode.NONE));
            assertThat(resumed.error()).isEmpty();
            assertThat(resumed.applied().get(0).skipped()).isEqualTo(doneInFile);
            assertComplete(fx);
        }
    }

    @ParameterizedTest(name = "{0}: killed before statement {1}")
    @MethodSource("fileStops")
    void aRunInFileTransactionsRollsTheKilledFileBackAndRerunsIt(TestDialect dialect, int stop) throws Exception {
        writeDirectory();
        String url = database(dialect);
        killAt("file", stop, url);
        try (MigrationFixture fx = new MigrationFixture(root, dialect, url)) {
            int doneFiles = (stop - 1) / STATEMENTS_PER_FILE;
            if (dialect.transactionalDdl()) {
                assertThat(fx.revisions()).hasSize(doneFiles);
                assertThat(fx.tableExists("t" + (doneFiles + 1)))
                        .as("the killed file was rolled back")
                        .isFalse();
            } else {
                // MariaDB committed the killed file's CREATE TABLE: its revision says how far the file got.
                assertThat(fx.revisions()).hasSize(doneFiles + 1);
            }
            ApplyReport resumed = fx.apply(MigrationFixture.withTxMode(TxMode.FILE));
            assertThat(resumed.error()).isEmpty();
            assertComplete(fx);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void anotherProcessWaitsForTheLockUntilTheHolderIsKilled(TestDialect dialect) throws Exception {
        writeDirectory();
        String url = database(dialect);
        Process holder = startChild("file", 2, url);
        try (MigrationFixture fx = new MigrationFixture(root, dialect, url)) {
            ApplyOptions impatient = MigrationFixture.defaults().withLockTimeout(java.time.Duration.ofMillis(300));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.apply(impatient))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith(
                            "acquiring database lock: lock \"atlas_migrate_execute\" is held by another process");
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // The operating system released the killed process's lock: nothing is left to wait for.
            assertThat(fx.apply(impatient).error()).isEmpty();
            assertComplete(fx);
        } finally {
            holder.destroyForcibly();
        }
    }

    private void writeDirectory() {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        for (int i = 1; i <= FILES; i++) {
            StringBuilder file = new StringBuilder();
            // Four statements per file; the first file also creates the log the others write to.
            if (i == 1) {
                file.append("CREATE TABLE log (entry text NOT NULL);\nCREATE TABLE t1 (id int);\n");
            } else {
                file.append("CREATE TABLE t" + i + " (id int);\nINSERT INTO t" + i + " VALUES (" + i + ");\n");
            }
            file.append("INSERT INTO log VALUES ('" + i + "a');\n");
            file.append("INSERT INTO log VALUES ('" + i + "b');\n");
            dir.add(i + "_file.sql", file.toString());
        }
    }

    private void assertComplete(MigrationFixture fx) {
        assertThat(fx.count("SELECT count(*) FROM log")).isEqualTo(2L * FILES);
        assertThat(fx.count("SELECT count(DISTINCT entry) FROM log")).isEqualTo(2L * FILES);
        for (int i = 1; i <= FILES; i++) {
            assertThat(fx.tableExists("t" + i)).isTrue();
        }
        assertThat(fx.count("SELECT count(*) FROM t2")).isEqualTo(1);
        assertThat(fx.revisions())
                .allSatisfy(r -> assertThat(r.applied()).isEqualTo(STATEMENTS_PER_FILE))
                .hasSize(FILES);
    }

    private void killAt(String mode, int stop, String url) throws IOException, InterruptedException {
        Process child = startChild(mode, stop, url);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Starts a child that applies the directory and stops before a statement, holding the lock; returns it then. */
    private Process startChild(String mode, int stop, String url) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ApplyChild.class.getName());
        command.add(root.toString());
        command.add(mode);
        command.add(Integer.toString(stop));
        command.add(url);
        Process child = new ProcessBuilder(command)
                .redirectError(root.resolve("child.err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        try {
            assertThat(out.readLine())
                    .as("the child reached the statement (stderr: %s)", Files.readString(root.resolve("child.err")))
                    .startsWith("stopping before ");
        } catch (IOException | AssertionError e) {
            // A child that never stops on its own must not outlive the test.
            child.destroyForcibly();
            throw e;
        }
        return child;
    }
}
