package io.plumb.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.schema.Realm;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The realm lint builds from a scoped inspection after a statement on SQLite is the realm a full inspection reads;
 * the statements it cannot classify get a full inspection. PostgreSQL: {@code PostgresScopedInspectionTest}.
 */
class ScopedInspectionTest {

    private static final String SQLITE_BASE =
            """
            CREATE TABLE t (id integer NOT NULL PRIMARY KEY, name text NOT NULL, qty integer DEFAULT 0);
            CREATE INDEX t_name ON t (name);
            CREATE TABLE k (id integer PRIMARY KEY AUTOINCREMENT, t_id integer REFERENCES t (id) ON DELETE CASCADE);
            CREATE TABLE "with space" (a int, b text, PRIMARY KEY (a DESC, b)) WITHOUT ROWID;
            CREATE TABLE w (x int);
            CREATE VIEW v AS SELECT id, name FROM t;
            CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET qty = 1 WHERE id = NEW.id; END;
            """;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE a_first (x int)",
                "CREATE TABLE m (id integer PRIMARY KEY AUTOINCREMENT, t_id integer NOT NULL REFERENCES t (id))",
                "CREATE TABLE IF NOT EXISTS zz (a int CHECK (a > 0), b text GENERATED ALWAYS AS (a || 'x') STORED)",
                "create table \"Ünïcode\" (x int)",
                "CREATE TABLE B_upper (x int, UNIQUE (x))",
                "CREATE TABLE main.u (x int)",
                "CREATE TABLE \"q\"\"uote\" (x int)",
                "CREATE TABLE s (a int, b int, PRIMARY KEY (a, b), FOREIGN KEY (a) REFERENCES t (id)) STRICT",
                "CREATE UNIQUE INDEX t_u ON t (name, qty)",
                "CREATE INDEX IF NOT EXISTS t_lower ON t (lower(name) DESC) WHERE qty > 0",
                "CREATE INDEX main.k_t ON k (t_id)",
                "CREATE INDEX ws ON \"with space\" (b)",
                "ALTER TABLE t ADD COLUMN c text NULL DEFAULT 'x'",
                "ALTER TABLE \"with space\" ADD d int",
                "ALTER TABLE k ADD COLUMN r integer REFERENCES w (x)",
                "DROP TABLE w",
                "DROP TABLE IF EXISTS \"with space\"",
                // Referenced by nothing, referencing t, with an AUTOINCREMENT key.
                "DROP TABLE main.k",
                "DROP INDEX t_name",
                "drop index if exists main.t_name",
            })
    void sqliteScopedInspectionIsTheFullInspection(String statement) throws SQLException {
        try (IsolatedDatabase db = TestDialect.SQLITE.fresh()) {
            Database dev = db.database();
            run(dev, SQLITE_BASE);
            ScopedInspection inspection = new ScopedInspection(dev);
            Realm before = inspection.full();
            Optional<Realm> scoped = scoped(inspection, dev, before, statement);
            Realm full = inspection.full();
            assertThat(scoped).isPresent();
            assertThat(scoped.get()).isEqualTo(full);
            assertThat(full).isNotEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // A table's triggers are schema objects of their own, dropped with it.
                "DROP TABLE t",
                "DROP TABLE IF EXISTS missing",
                "DROP VIEW v",
                "ALTER TABLE w RENAME TO w2",
                "ALTER TABLE t RENAME COLUMN qty TO quantity",
                "ALTER TABLE t DROP COLUMN qty",
                "CREATE VIEW v2 AS SELECT * FROM w",
                "CREATE TEMP TABLE tmp (x int)",
                "CREATE TABLE c AS SELECT * FROM t",
                // The stored name is t: a scoped read by another case finds nothing, so it falls back.
                "CREATE INDEX t_qty ON T (qty)",
                "ALTER TABLE T ADD COLUMN e int",
                "DROP TABLE W",
            })
    void sqliteUnclassifiedStatementsFallBackToAFullInspection(String statement) throws SQLException {
        try (IsolatedDatabase db = TestDialect.SQLITE.fresh()) {
            Database dev = db.database();
            run(dev, SQLITE_BASE);
            ScopedInspection inspection = new ScopedInspection(dev);
            Realm before = inspection.full();
            ScopedInspection.Prepared prepared = inspection.prepare(statement);
            run(dev, statement);
            assertThat(inspection.scoped(before, prepared)).isEmpty();
            Realm full = inspection.full();
            assertThat(inspection.after(before, prepared)).isEqualTo(full);
        }
    }

    @Test
    void aDropThatFindsATemporaryTableFirstFallsBack() throws SQLException {
        try (IsolatedDatabase db = TestDialect.SQLITE.fresh()) {
            Database dev = db.database();
            run(
                    dev,
                    SQLITE_BASE
                            + "CREATE TEMP TABLE w (y int);\nCREATE TEMP TABLE tw (y int);\n"
                            + "CREATE INDEX temp.t_name ON tw (y);");
            ScopedInspection inspection = new ScopedInspection(dev);
            Realm before = inspection.full();
            for (String statement : new String[] {"DROP TABLE w", "DROP INDEX t_name"}) {
                // Prepared for main's table and index, but the statement drops the temporary ones. (The inspector
                // itself reads the temporary w in place of main's: it is not compared here.)
                ScopedInspection.Prepared prepared = inspection.prepare(statement);
                assertThat(prepared.drop()).as(statement).isPresent();
                run(dev, statement);
                assertThat(inspection.scoped(before, prepared)).as(statement).isEmpty();
            }
        }
    }

    @Test
    void classifiesTheDropsOfOneTableOrIndex() {
        assertThat(StatementTarget.sqliteDrop("DROP TABLE IF EXISTS main.\"a \"\"b\";"))
                .contains(new StatementTarget.Drop("a \"b", false));
        assertThat(StatementTarget.sqliteDrop("drop index i")).contains(new StatementTarget.Drop("i", true));
        assertThat(StatementTarget.sqliteDrop("DROP TABLE temp.t")).isEmpty();
        assertThat(StatementTarget.sqliteDrop("DROP TABLE t; DROP TABLE u")).isEmpty();
        assertThat(StatementTarget.sqliteDrop("DROP VIEW v")).isEmpty();
        assertThat(StatementTarget.postgresDrop("DROP TABLE IF EXISTS s.\"T x\" RESTRICT"))
                .contains(new StatementTarget.Drop("s.\"T x\"", false));
        assertThat(StatementTarget.postgresDrop("drop index concurrently if exists i;"))
                .contains(new StatementTarget.Drop("i", true));
        assertThat(StatementTarget.postgresDrop("DROP TABLE t CASCADE")).isEmpty();
        assertThat(StatementTarget.postgresDrop("DROP INDEX i CASCADE")).isEmpty();
        assertThat(StatementTarget.postgresDrop("DROP TABLE t, u")).isEmpty();
        assertThat(StatementTarget.postgresDrop("DROP TABLE CONCURRENTLY t")).isEmpty();
        assertThat(StatementTarget.postgresDrop("DROP MATERIALIZED VIEW m")).isEmpty();
    }

    /** Prepares the statement's scoped inspection, runs the statement, and returns the scoped realm after it. */
    static Optional<Realm> scoped(ScopedInspection inspection, Database dev, Realm before, String statement)
            throws SQLException {
        ScopedInspection.Prepared prepared = inspection.prepare(statement);
        run(dev, statement);
        return inspection.scoped(before, prepared);
    }

    @Test
    void classifiesTheOneTableAStatementChanges() {
        assertThat(StatementTarget.table("CREATE TABLE t (x int)")).contains("t");
        assertThat(StatementTarget.table("  create table if not exists \"a \"\"b\" (x int);"))
                .contains("a \"b");
        assertThat(StatementTarget.table("CREATE UNIQUE INDEX i ON main.t2 (x)"))
                .contains("t2");
        assertThat(StatementTarget.table("ALTER TABLE t ADD COLUMN c int")).contains("t");
        assertThat(StatementTarget.table("ALTER TABLE t ADD c int")).contains("t");
        assertThat(StatementTarget.table("ALTER TABLE t ADD CONSTRAINT c CHECK (x > 0)"))
                .isEmpty();
        assertThat(StatementTarget.table("CREATE TABLE a (x int); CREATE TABLE b (x int)"))
                .isEmpty();
        assertThat(StatementTarget.table("CREATE TABLE other.t (x int)")).isEmpty();
        assertThat(StatementTarget.table("CREATE INDEX i ON t USING btree (x)")).isEmpty();
        assertThat(StatementTarget.table("DROP TABLE t")).isEmpty();
    }

    static void run(Database dev, String sql) throws SQLException {
        try (java.sql.Statement st = dev.connection().createStatement()) {
            // One statement a line.
            for (String statement : sql.strip().split("\n")) {
                st.executeUpdate(statement);
            }
        }
    }
}
