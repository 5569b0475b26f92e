package io.plumb.engine.migrate;

import static io.plumb.engine.migrate.StatementAtomicity.Kind.COMMITS_FILE_TRANSACTION;
import static io.plumb.engine.migrate.StatementAtomicity.Kind.IN_FILE_TRANSACTION;
import static io.plumb.engine.migrate.StatementAtomicity.Kind.PAIRED;
import static io.plumb.engine.migrate.StatementAtomicity.Kind.REPEATABLE;
import static io.plumb.engine.migrate.StatementAtomicity.Kind.UNVERIFIABLE;
import static io.plumb.engine.migrate.StatementAtomicity.Kind.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.migrate.StatementAtomicity.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementAtomicityTest {

    private static Kind kind(String dialect, String sql) {
        return new StatementAtomicity(dialect).classify(sql);
    }

    private static List<Kind> kinds(String dialect, String... statements) {
        StatementAtomicity atomicity = new StatementAtomicity(dialect);
        return java.util.Arrays.stream(statements).map(atomicity::classify).toList();
    }

    @Test
    void sqlitePairsEverythingButMaintenanceAndPragmas() {
        assertThat(kind("sqlite", "CREATE TABLE t (id int);")).isEqualTo(PAIRED);
        assertThat(kind("sqlite", "ALTER TABLE t ADD COLUMN c int;")).isEqualTo(PAIRED);
        assertThat(kind("sqlite", "INSERT INTO t VALUES (1);")).isEqualTo(PAIRED);
        assertThat(kind("sqlite", "PRAGMA foreign_keys = off;")).isEqualTo(REPEATABLE);
        assertThat(kind("sqlite", "vacuum;")).isEqualTo(REPEATABLE);
        assertThat(kind("sqlite", "ATTACH DATABASE 'x.db' AS x;")).isEqualTo(REPEATABLE);
    }

    @Test
    void postgresPairsEverythingThatRunsInATransactionBlock() {
        assertThat(kind("postgres", "CREATE TABLE t (id int);")).isEqualTo(PAIRED);
        assertThat(kind("postgres", "ALTER TYPE mood ADD VALUE 'ok';")).isEqualTo(PAIRED);
        assertThat(kind("postgres", "CREATE INDEX i ON t (id);")).isEqualTo(PAIRED);
        assertThat(kind("postgres", "ALTER DATABASE app SET search_path = x;")).isEqualTo(PAIRED);
        // A DO or CALL whose body commits is retried unpaired by the runner.
        assertThat(kind("postgres", "DO $$ BEGIN PERFORM 1; END $$;")).isEqualTo(PAIRED);
        assertThat(kind("postgres", "CALL backfill();")).isEqualTo(PAIRED);
    }

    @Test
    void postgresVerifiesConcurrentIndexChangesByFingerprint() {
        assertThat(kind("postgres", "CREATE INDEX CONCURRENTLY i ON t (id);")).isEqualTo(VERIFIED);
        assertThat(kind("postgres", "create unique index concurrently i on t (id);"))
                .isEqualTo(VERIFIED);
        assertThat(kind("postgres", "DROP INDEX CONCURRENTLY IF EXISTS i;")).isEqualTo(VERIFIED);
        assertThat(kind("postgres", "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;"))
                .isEqualTo(VERIFIED);
    }

    @Test
    void postgresRepeatsMaintenanceAndRefusesWhatItCannotSee() {
        assertThat(kind("postgres", "VACUUM ANALYZE t;")).isEqualTo(REPEATABLE);
        assertThat(kind("postgres", "REINDEX INDEX CONCURRENTLY i;")).isEqualTo(REPEATABLE);
        assertThat(kind("postgres", "REINDEX DATABASE app;")).isEqualTo(REPEATABLE);
        assertThat(kind("postgres", "ALTER SYSTEM SET work_mem = '8MB';")).isEqualTo(REPEATABLE);
        // REINDEX of one table runs in a transaction block.
        assertThat(kind("postgres", "REINDEX TABLE t;")).isEqualTo(PAIRED);
        assertThat(kind("postgres", "CREATE DATABASE other;")).isEqualTo(UNVERIFIABLE);
        assertThat(kind("postgres", "DROP TABLESPACE fast;")).isEqualTo(UNVERIFIABLE);
        assertThat(kind("postgres", "ALTER DATABASE app SET TABLESPACE fast;")).isEqualTo(UNVERIFIABLE);
    }

    @Test
    void mysqlPairsDataStatementsOnly() {
        assertThat(kind("mysql", "INSERT INTO t VALUES (1);")).isEqualTo(PAIRED);
        assertThat(kind("mysql", "insert ignore into t values (1);")).isEqualTo(PAIRED);
        assertThat(kind("mysql", "UPDATE t SET a = 1;")).isEqualTo(PAIRED);
        assertThat(kind("mysql", "DELETE FROM t;")).isEqualTo(PAIRED);
        assertThat(kind("mysql", "REPLACE INTO t VALUES (1);")).isEqualTo(PAIRED);
        assertThat(kind("mysql", "SET FOREIGN_KEY_CHECKS = 0;")).isEqualTo(PAIRED);
    }

    @Test
    void mysqlVerifiesSchemaStatementsByFingerprint() {
        assertThat(kind("mysql", "CREATE TABLE t (id int);")).isEqualTo(VERIFIED);
        assertThat(kind("mysql", "ALTER TABLE t ADD COLUMN c int;")).isEqualTo(VERIFIED);
        assertThat(kind("mysql", "DROP TABLE IF EXISTS t;")).isEqualTo(VERIFIED);
        assertThat(kind("mysql", "RENAME TABLE a TO b;")).isEqualTo(VERIFIED);
        assertThat(kind("mysql", "CREATE UNIQUE INDEX i ON t (id);")).isEqualTo(VERIFIED);
        assertThat(kind("mysql", "CREATE OR REPLACE VIEW v AS SELECT 1;")).isEqualTo(VERIFIED);
        assertThat(kind("mysql", "CREATE DEFINER=`root`@`%` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET @x = 1"))
                .isEqualTo(VERIFIED);
        assertThat(kind("mysql", "CREATE ALGORITHM=MERGE VIEW v AS SELECT 1;")).isEqualTo(VERIFIED);
        assertThat(kind("mysql", "CREATE DATABASE app;")).isEqualTo(VERIFIED);
    }

    @Test
    void mysqlRepeatsMaintenanceAndRefusesWhatItCannotSee() {
        assertThat(kind("mysql", "ANALYZE TABLE t;")).isEqualTo(REPEATABLE);
        assertThat(kind("mysql", "OPTIMIZE TABLE t;")).isEqualTo(REPEATABLE);
        assertThat(kind("mysql", "TRUNCATE TABLE t;")).isEqualTo(REPEATABLE);
        assertThat(kind("mysql", "CREATE USER app IDENTIFIED BY 'x';")).isEqualTo(UNVERIFIABLE);
        assertThat(kind("mysql", "CALL backfill();")).isEqualTo(UNVERIFIABLE);
        assertThat(kind("mysql", "BEGIN NOT ATOMIC SELECT 1; END")).isEqualTo(UNVERIFIABLE);
    }

    @Test
    void aTransactionTheFileOpensCarriesItsRevisionWritesAndCommitsThemWithIt() {
        assertThat(kinds("postgres", "BEGIN;", "INSERT INTO t VALUES (1);", "COMMIT;", "INSERT INTO t VALUES (2);"))
                .containsExactly(IN_FILE_TRANSACTION, IN_FILE_TRANSACTION, COMMITS_FILE_TRANSACTION, PAIRED);
        assertThat(kinds("sqlite", "BEGIN TRANSACTION;", "CREATE TABLE t (id int);", "END;"))
                .containsExactly(IN_FILE_TRANSACTION, IN_FILE_TRANSACTION, COMMITS_FILE_TRANSACTION);
        assertThat(kinds("sqlite", "BEGIN;", "SAVEPOINT a;", "ROLLBACK TO a;", "ROLLBACK;", "SELECT 1;"))
                .containsExactly(IN_FILE_TRANSACTION, IN_FILE_TRANSACTION, IN_FILE_TRANSACTION, REPEATABLE, PAIRED);
        // A COMMIT without a transaction of the file's own changes nothing.
        assertThat(kind("postgres", "COMMIT;")).isEqualTo(REPEATABLE);
    }

    @Test
    void mysqlDdlEndsTheFileTransactionItCommitsImplicitly() {
        assertThat(kinds(
                        "mysql",
                        "START TRANSACTION;",
                        "INSERT INTO t VALUES (1);",
                        "CREATE TABLE u (id int);",
                        "INSERT INTO t VALUES (2);",
                        "COMMIT;"))
                .containsExactly(IN_FILE_TRANSACTION, IN_FILE_TRANSACTION, VERIFIED, PAIRED, REPEATABLE);
    }

    @Test
    void postgresBeginAtomicIsARoutineBodyNotATransaction() {
        assertThat(kinds("postgres", "BEGIN ATOMIC SELECT 1; END;", "INSERT INTO t VALUES (1);"))
                .containsExactly(PAIRED, PAIRED);
    }
}
