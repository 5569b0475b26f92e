package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqliteInspectorTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private Table inspect(String... ddl) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : ddl) {
                st.execute(sql);
            }
        }
        Realm realm = new SqliteInspector().inspect(connection, InspectOptions.all());
        assertThat(realm.schemas()).hasSize(1);
        return realm.schemas().get(0).tables().get(0);
    }

    @Test
    void typesAreNamedWhenKnownAndRawOtherwise() throws SQLException {
        Table t = inspect("CREATE TABLE t (a INTEGER, b varchar(255), c DECIMAL(10, 2), d UNSIGNED BIG INT,"
                + " e double precision, f my_type, g, h int[])");
        assertThat(t.columns())
                .extracting(Column::type)
                .containsExactly(
                        ColumnType.Named.of("integer"),
                        ColumnType.Named.of("varchar", "255"),
                        ColumnType.Named.of("decimal", "10", "2"),
                        ColumnType.Named.of("unsigned big int"),
                        ColumnType.Named.of("double precision"),
                        new ColumnType.Raw("my_type"),
                        ColumnType.Named.of("blob"),
                        new ColumnType.Raw("int[]"));
    }

    @Test
    void nullability() throws SQLException {
        Table t = inspect("CREATE TABLE t (a int NOT NULL, b int NULL, c int)");
        assertThat(t.columns()).extracting(Column::nullable).containsExactly(false, true, true);
    }

    @Test
    void defaultsAreLiteralsOrExpressions() throws SQLException {
        Table t = inspect("CREATE TABLE t (a int DEFAULT 1, b real DEFAULT -1.5, c text DEFAULT 'x''y',"
                + " d bool DEFAULT true, e blob DEFAULT x'00ff', f datetime DEFAULT CURRENT_TIMESTAMP,"
                + " g text DEFAULT (datetime('now')), h text)");
        assertThat(t.columns())
                .extracting(Column::defaultValue)
                .containsExactly(
                        Optional.of(new DefaultValue.Literal("1")),
                        Optional.of(new DefaultValue.Literal("-1.5")),
                        Optional.of(new DefaultValue.Literal("'x''y'")),
                        Optional.of(new DefaultValue.Literal("true")),
                        Optional.of(new DefaultValue.Literal("x'00ff'")),
                        Optional.of(new DefaultValue.RawExpr("CURRENT_TIMESTAMP")),
                        Optional.of(new DefaultValue.RawExpr("datetime('now')")),
                        Optional.empty());
    }

    @Test
    void generatedColumns() throws SQLException {
        Table t = inspect("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) VIRTUAL,"
                + " c int AS (a + (1)) STORED, d text AS (a || 'x'))");
        assertThat(t.columns())
                .extracting(Column::generated)
                .containsExactly(
                        Optional.empty(),
                        Optional.of(new Generated("a * 2", "VIRTUAL")),
                        Optional.of(new Generated("a + (1)", "STORED")),
                        Optional.of(new Generated("a || 'x'", "VIRTUAL")));
        assertThat(t.columns().get(1).type()).isEqualTo(ColumnType.Named.of("int"));
    }

    @Test
    void autoIncrementAndPrimaryKey() throws SQLException {
        Table t = inspect("CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT, b text)");
        assertThat(t.columns()).extracting(Column::autoIncrement).containsExactly(true, false);
        assertThat(t.primaryKey()).contains(PrimaryKey.of("id"));
        assertThat(t.indexes()).isEmpty();
    }

    @Test
    void aTemporaryTableOfTheSameNameDoesNotShadowTheTableOfMain() throws SQLException {
        inspect(
                "CREATE TABLE p (id int PRIMARY KEY)",
                "CREATE TABLE t (a int, b text, p_id int REFERENCES p, PRIMARY KEY (a DESC))",
                "CREATE INDEX t_b ON t (b)");
        Table before = tableT();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE t (x text PRIMARY KEY, y int UNIQUE)");
            st.execute("CREATE INDEX temp.t_y ON t (y)");
        }
        Table shadowed = tableT();
        assertThat(shadowed.columns()).extracting(Column::name).containsExactly("a", "b", "p_id");
        assertThat(shadowed.indexes()).extracting(Index::name).containsExactly("t_b");
        assertThat(shadowed).isEqualTo(before);
    }

    private Table tableT() throws SQLException {
        return new SqliteInspector()
                .inspect(connection, InspectOptions.all())
                .schemas()
                .get(0)
                .table("t")
                .orElseThrow();
    }

    @Test
    void compositePrimaryKeyInKeyOrder() throws SQLException {
        Table t = inspect("CREATE TABLE t (a int, b int, PRIMARY KEY (b, a))");
        assertThat(t.primaryKey()).contains(PrimaryKey.of("b", "a"));
        assertThat(t.indexes()).isEmpty();
    }

    @Test
    void indexesOfEachKindInTheOrderTheyWereCreated() throws SQLException {
        Table t = inspect(
                "CREATE TABLE t (a int, b text, c int)",
                "CREATE UNIQUE INDEX z_unique ON t (a)",
                "CREATE INDEX m_multi ON t (a, b DESC)",
                "CREATE INDEX e_expr ON t (lower(b), (a + c) DESC)",
                "CREATE INDEX p_partial ON t (c) WHERE c > 0 AND b IS NOT NULL");
        assertThat(t.indexes())
                .containsExactly(
                        Index.of("z_unique", true, "a"),
                        new Index(
                                "m_multi",
                                false,
                                List.of(IndexPart.column("a"), new IndexPart("b", false, true, Map.of())),
                                Optional.empty(),
                                Optional.empty(),
                                Map.of()),
                        new Index(
                                "e_expr",
                                false,
                                List.of(IndexPart.expression("lower(b)"), new IndexPart("a + c", true, true, Map.of())),
                                Optional.empty(),
                                Optional.empty(),
                                Map.of()),
                        new Index(
                                "p_partial",
                                false,
                                IndexPart.columns("c"),
                                Optional.of("c > 0 AND b IS NOT NULL"),
                                Optional.empty(),
                                Map.of()));
    }

    @Test
    void uniqueConstraintsAreKeptAsAutoIndexes() throws SQLException {
        Table t = inspect("CREATE TABLE t (a int UNIQUE, b int, c int, UNIQUE (b, c))");
        assertThat(t.indexes())
                .containsExactly(
                        Index.of("sqlite_autoindex_t_1", true, "a"), Index.of("sqlite_autoindex_t_2", true, "b", "c"));
    }

    @Test
    void nonIntegerPrimaryKeyIndexIsNotReported() throws SQLException {
        Table t = inspect("CREATE TABLE t (a text PRIMARY KEY, b int)");
        assertThat(t.indexes()).isEmpty();
        assertThat(t.primaryKey()).contains(PrimaryKey.of("a"));
    }

    @Test
    void foreignKeysInDeclarationOrderWithNames() throws SQLException {
        Table t = inspect(
                "CREATE TABLE p (id int PRIMARY KEY, x int, y int, UNIQUE (x, y))",
                "CREATE TABLE t (id int PRIMARY KEY, a int REFERENCES p (id) ON DELETE CASCADE,"
                        + " b int CONSTRAINT col_fk REFERENCES p ON UPDATE SET NULL,"
                        + " c int, d int, e int,"
                        + " CONSTRAINT multi_fk FOREIGN KEY (c, d) REFERENCES p (x, y) ON DELETE SET DEFAULT,"
                        + " FOREIGN KEY (e) REFERENCES t (id) ON DELETE RESTRICT)");
        assertThat(t.name()).isEqualTo("p");
        Table child = new SqliteInspector()
                .inspect(connection, InspectOptions.all())
                .schemas()
                .get(0)
                .table("t")
                .orElseThrow();
        assertThat(child.foreignKeys())
                .containsExactly(
                        new ForeignKey(
                                "3",
                                List.of("a"),
                                "main",
                                "p",
                                List.of("id"),
                                ReferenceAction.NO_ACTION,
                                ReferenceAction.CASCADE),
                        new ForeignKey(
                                "col_fk",
                                List.of("b"),
                                "main",
                                "p",
                                List.of("id"),
                                ReferenceAction.SET_NULL,
                                ReferenceAction.NO_ACTION),
                        new ForeignKey(
                                "multi_fk",
                                List.of("c", "d"),
                                "main",
                                "p",
                                List.of("x", "y"),
                                ReferenceAction.NO_ACTION,
                                ReferenceAction.SET_DEFAULT),
                        new ForeignKey(
                                "0",
                                List.of("e"),
                                "main",
                                "t",
                                List.of("id"),
                                ReferenceAction.NO_ACTION,
                                ReferenceAction.RESTRICT));
    }

    @Test
    void checksNamedUnnamedAndColumnLevel() throws SQLException {
        Table t = inspect("CREATE TABLE t (a int CHECK (a > 0), b text CONSTRAINT b_len CHECK (length(b) < 10),"
                + " CONSTRAINT pos CHECK ((a + 1) > 1), CHECK (b <> 'x, y'))");
        assertThat(t.checks())
                .containsExactly(
                        Check.of("", "a > 0"),
                        Check.of("b_len", "length(b) < 10"),
                        Check.of("pos", "(a + 1) > 1"),
                        Check.of("", "b <> 'x, y'"));
    }

    @Test
    void withoutRowidAndStrictOptions() throws SQLException {
        Table t = inspect("CREATE TABLE t (a int PRIMARY KEY, b text) STRICT, WITHOUT ROWID");
        assertThat(t.options()).containsExactly(Map.entry("without_rowid", "true"), Map.entry("strict", "true"));
        assertThat(t.indexes()).isEmpty();
    }

    @Test
    void tablesInTheOrderTheyWereCreatedAndInternalTablesSkipped() throws SQLException {
        inspect(
                "CREATE TABLE zeta (id integer PRIMARY KEY AUTOINCREMENT)",
                "CREATE TABLE alpha (id int)",
                "CREATE TABLE \"we ird\" ([x y] int)");
        Realm realm = new SqliteInspector().inspect(connection, InspectOptions.all());
        assertThat(realm.schemas().get(0).name()).isEqualTo("main");
        assertThat(realm.schemas().get(0).tables()).extracting(Table::name).containsExactly("zeta", "alpha", "we ird");
        assertThat(realm.schemas().get(0).table("we ird").orElseThrow().columns())
                .extracting(Column::name)
                .containsExactly("x y");
    }

    @Test
    void eachTableGetsOnlyItsOwnColumnsIndexesAndForeignKeys() throws SQLException {
        inspect(
                "CREATE TABLE b (id integer PRIMARY KEY, a_id int REFERENCES a, x text)",
                "CREATE TABLE a (id integer PRIMARY KEY, y int NOT NULL)",
                "CREATE INDEX b_x ON b (x DESC)",
                "CREATE UNIQUE INDEX a_y ON a (y)",
                "CREATE INDEX a_expr ON a (y + 1)",
                "CREATE TABLE c (z int)");
        List<Table> tables = new SqliteInspector()
                .inspect(connection, InspectOptions.all())
                .schemas()
                .get(0)
                .tables();
        assertThat(tables).extracting(Table::name).containsExactly("b", "a", "c");
        Table a = tables.get(1);
        Table b = tables.get(0);
        Table c = tables.get(2);
        assertThat(a.columns()).extracting(Column::name).containsExactly("id", "y");
        assertThat(a.indexes())
                .containsExactly(
                        Index.of("a_y", true, "y"),
                        new Index(
                                "a_expr",
                                false,
                                List.of(new IndexPart("y + 1", true, false, Map.of())),
                                Optional.empty(),
                                Optional.empty(),
                                Map.of()));
        assertThat(a.foreignKeys()).isEmpty();
        assertThat(b.columns()).extracting(Column::name).containsExactly("id", "a_id", "x");
        assertThat(b.indexes())
                .containsExactly(new Index(
                        "b_x",
                        false,
                        List.of(new IndexPart("x", false, true, Map.of())),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()));
        assertThat(b.foreignKeys())
                .containsExactly(new ForeignKey(
                        "0",
                        List.of("a_id"),
                        "main",
                        "a",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.NO_ACTION));
        assertThat(c.columns()).extracting(Column::name).containsExactly("z");
        assertThat(c.primaryKey()).isEmpty();
        assertThat(c.indexes()).isEmpty();
        assertThat(c.foreignKeys()).isEmpty();
    }

    @Test
    void otherSchemasAreEmpty() throws SQLException {
        inspect("CREATE TABLE t (a int)");
        assertThat(new SqliteInspector()
                        .inspect(connection, new InspectOptions(List.of("public")))
                        .schemas())
                .isEmpty();
        assertThat(new SqliteInspector()
                        .inspect(connection, new InspectOptions(List.of("main")))
                        .schemas())
                .hasSize(1);
    }

    @Test
    void sqlExceptionsPassThrough() throws SQLException {
        connection.close();
        assertThatThrownBy(() -> new SqliteInspector().inspect(connection, InspectOptions.all()))
                .isInstanceOf(SQLException.class);
    }
}
