package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plans changes, runs them on a real SQLite database, inspects it back and diffs it against the goal. */
class SqliteRoundTripTest {

    private static final DiffOptions OPTIONS = DiffOptions.of(new SqliteNormalizer());
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    static Realm base() {
        Table users = new Table(
                "users",
                List.of(
                        new Column(
                                "id",
                                ColumnType.Named.of("integer"),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                Optional.empty(),
                                Map.of()),
                        Column.of("name", ColumnType.Named.of("varchar", "255"), false)
                                .withDefault(new DefaultValue.Literal("'anon'")),
                        Column.of("email", ColumnType.Named.of("text"), true),
                        Column.of("created", ColumnType.Named.of("datetime"), true)
                                .withDefault(new DefaultValue.RawExpr("CURRENT_TIMESTAMP")),
                        Column.of("score", ColumnType.Named.of("real"), true)
                                .withDefault(new DefaultValue.Literal("0"))),
                Optional.of(PrimaryKey.of("id")),
                List.of(Index.of("sqlite_autoindex_users_1", true, "email"), Index.of("users_name", false, "name")),
                List.of(),
                List.of(Check.of("name_len", "length(name) > 0")),
                Optional.empty(),
                Map.of());
        Table posts = new Table(
                "posts",
                List.of(
                        Column.of("id", ColumnType.Named.of("int"), false),
                        Column.of("user_id", ColumnType.Named.of("int"), false),
                        Column.of("title", ColumnType.Named.of("text"), false)),
                Optional.of(PrimaryKey.of("id")),
                List.of(new Index(
                        "posts_title",
                        false,
                        List.of(IndexPart.expression("lower(title)"), new IndexPart("id", false, true, Map.of())),
                        Optional.of("id > 0"),
                        Optional.empty(),
                        Map.of())),
                List.of(new ForeignKey(
                        "fk_user",
                        List.of("user_id"),
                        "main",
                        "users",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.CASCADE)),
                List.of(Check.of("", "title <> ''")),
                Optional.empty(),
                Map.of());
        return Realm.of(Schema.of("main", List.of(posts, users)));
    }

    private Realm inspect() throws SQLException {
        return new SqliteInspector().inspect(connection, InspectOptions.all());
    }

    private void apply(List<SchemaChange> changes, String indent) throws SQLException {
        Plan plan = new SqlitePlanner().plan(changes, new PlanOptions(false, indent));
        try (Statement st = connection.createStatement()) {
            for (PlannedChange change : plan.changes()) {
                st.execute(change.sql());
            }
        }
    }

    private void create(Realm realm) throws SQLException {
        apply(new Differ().diff(inspect(), realm, OPTIONS), "  ");
    }

    @Test
    void createdSchemaInspectsBackAsDeclared() throws SQLException {
        create(base());
        // As planned: varchar(255) is written varchar, the UNIQUE constraint's index is CREATE UNIQUE INDEX
        // users_email; the declared state and the inspected one are still the same schema.
        Realm planned = edit("users", t -> t.withColumns(replace(
                                t.columns(),
                                1,
                                Column.of("name", ColumnType.Named.of("varchar"), false)
                                        .withDefault(new DefaultValue.Literal("'anon'"))))
                        .withIndexes(
                                List.of(Index.of("users_email", true, "email"), Index.of("users_name", false, "name"))))
                .apply(base());
        assertThat(inspect()).isEqualTo(planned);
        assertThat(new Differ().diff(inspect(), base(), OPTIONS)).isEmpty();
    }

    static Stream<Arguments> columnChanges() {
        return Stream.of(
                Arguments.of(
                        "add nullable column",
                        edit(
                                "users",
                                t -> t.withColumns(
                                        append(t.columns(), Column.of("bio", ColumnType.Named.of("text"), true))))),
                Arguments.of(
                        "add not null column with default",
                        edit(
                                "users",
                                t -> t.withColumns(append(
                                        t.columns(),
                                        Column.of("level", ColumnType.Named.of("int"), false)
                                                .withDefault(new DefaultValue.Literal("1")))))),
                Arguments.of(
                        "drop column",
                        edit("users", t -> t.withColumns(t.columns().subList(0, 4)))),
                Arguments.of(
                        "change type",
                        edit(
                                "users",
                                t -> t.withColumns(replace(
                                        t.columns(),
                                        4,
                                        Column.of("score", ColumnType.Named.of("integer"), true)
                                                .withDefault(new DefaultValue.Literal("0")))))),
                Arguments.of(
                        "nullable to not null",
                        edit(
                                "users",
                                t -> t.withColumns(replace(
                                        t.columns(),
                                        2,
                                        Column.of("email", ColumnType.Named.of("text"), false)
                                                .withDefault(new DefaultValue.Literal("''")))))));
    }

    static Stream<Arguments> constraintChanges() {
        return Stream.of(
                Arguments.of(
                        "add index",
                        edit(
                                "users",
                                t -> t.withIndexes(
                                        append(t.indexes(), Index.of("users_score", false, "score", "name"))))),
                Arguments.of(
                        "drop index",
                        edit("users", t -> t.withIndexes(t.indexes().subList(0, 1)))),
                Arguments.of(
                        "modify index",
                        edit(
                                "users",
                                t -> t.withIndexes(
                                        replace(t.indexes(), 1, Index.of("users_name", true, "name", "id"))))),
                Arguments.of(
                        "drop unique constraint",
                        edit("users", t -> t.withIndexes(t.indexes().subList(1, 2)))),
                Arguments.of(
                        "drop foreign key",
                        edit(
                                "posts",
                                t -> new Table(
                                        t.name(),
                                        t.columns(),
                                        t.primaryKey(),
                                        t.indexes(),
                                        List.of(),
                                        t.checks(),
                                        t.comment(),
                                        t.options()))),
                Arguments.of(
                        "add foreign key",
                        edit(
                                "posts",
                                t -> new Table(
                                        t.name(),
                                        t.columns(),
                                        t.primaryKey(),
                                        t.indexes(),
                                        append(
                                                t.foreignKeys(),
                                                new ForeignKey(
                                                        "0",
                                                        List.of("id"),
                                                        "main",
                                                        "posts",
                                                        List.of("id"),
                                                        ReferenceAction.SET_NULL,
                                                        ReferenceAction.RESTRICT)),
                                        t.checks(),
                                        t.comment(),
                                        t.options()))),
                Arguments.of(
                        "add check",
                        edit(
                                "posts",
                                t -> new Table(
                                        t.name(),
                                        t.columns(),
                                        t.primaryKey(),
                                        t.indexes(),
                                        t.foreignKeys(),
                                        append(t.checks(), Check.of("pos", "id > 0")),
                                        t.comment(),
                                        t.options()))),
                Arguments.of(
                        "drop check",
                        edit(
                                "users",
                                t -> new Table(
                                        t.name(),
                                        t.columns(),
                                        t.primaryKey(),
                                        t.indexes(),
                                        t.foreignKeys(),
                                        List.of(),
                                        t.comment(),
                                        t.options()))),
                Arguments.of(
                        "without rowid",
                        edit(
                                "posts",
                                t -> new Table(
                                        t.name(),
                                        t.columns(),
                                        t.primaryKey(),
                                        t.indexes(),
                                        t.foreignKeys(),
                                        t.checks(),
                                        t.comment(),
                                        Map.of("without_rowid", "true")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"columnChanges", "constraintChanges"})
    void modificationLeavesNoDiffAndKeepsRows(String name, UnaryOperator<Realm> change) throws SQLException {
        create(base());
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO users (name, email) VALUES ('ann', 'ann@x')");
            st.execute("INSERT INTO posts (id, user_id, title) VALUES (7, 1, 'hello')");
        }
        Realm goal = change.apply(base());
        List<SchemaChange> changes = new Differ().diff(inspect(), goal, OPTIONS);
        assertThat(changes).isNotEmpty();
        apply(changes, "");
        assertThat(new Differ().diff(inspect(), goal, OPTIONS)).isEmpty();
        assertThat(query("SELECT name FROM users")).containsExactly("ann");
        assertThat(query("SELECT title FROM posts")).containsExactly("hello");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static UnaryOperator<Realm> edit(String table, UnaryOperator<Table> change) {
        return realm -> {
            Schema main = realm.schemas().get(0);
            List<Table> tables = main.tables().stream()
                    .map(t -> t.name().equals(table) ? change.apply(t) : t)
                    .toList();
            return Realm.of(main.withTables(tables));
        };
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> replace(List<T> list, int index, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, item);
        return copy;
    }
}
