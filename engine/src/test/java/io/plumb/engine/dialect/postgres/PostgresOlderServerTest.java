package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import io.plumb.engine.spec.SpecAttribute;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL 14, the oldest server the reference's suites run on here: the catalogue has no column PostgreSQL 15
 * added ({@code pg_index.indnullsnotdistinct}), so inspecting a table with indexes must not read it, and a plan for
 * it refuses {@code NULLS NOT DISTINCT} by the index's name instead of leaving the server to refuse the statement.
 */
class PostgresOlderServerTest {

    @Test
    void inspectsIndexesOnPostgres14() throws SQLException {
        try (Connection connection = PostgresServer.newDatabase("14");
                Statement st = connection.createStatement()) {
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(14);
            st.execute("CREATE TABLE t (a int CONSTRAINT c1 CHECK (a > 0), b text, CONSTRAINT u UNIQUE (b))");
            st.execute("CREATE INDEX t_a ON t (a) WHERE a > 10");
            Realm realm = new PostgresDialect().inspector().inspect(connection, InspectOptions.all());
            Table table = realm.schema("public").orElseThrow().table("t").orElseThrow();
            assertThat(table.indexes()).extracting(Index::name).containsExactly("t_a", "u");
            assertThat(table.indexes())
                    .allSatisfy(i -> assertThat(i.options()).doesNotContainKey(PostgresSpecDialect.NULLS_DISTINCT));
            assertThat(table.checks()).singleElement().satisfies(c -> assertThat(c.expr())
                    .isEqualTo("(a > 0)"));
        }
    }

    @Test
    void primaryKeyIncludeIsInspectedOnPostgres14() throws SQLException {
        try (Connection connection = PostgresServer.newDatabase("14");
                Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE k (id int, c int, d int, PRIMARY KEY (id) INCLUDE (d, c))");
            Realm realm = new PostgresDialect().inspector().inspect(connection, InspectOptions.all());
            Table table = realm.schema("public").orElseThrow().table("k").orElseThrow();
            assertThat(table.primaryKey().orElseThrow().options())
                    .isEqualTo(Map.of(PostgresSpecDialect.INCLUDE, "d,c"));
        }
    }

    @Test
    void nullsNotDistinctIsRefusedByNameBeforePostgres15() {
        Table table = Table.of("t", List.of(Column.of("c", ColumnType.Named.of("integer"), true)));
        Index index = new Index(
                "t_c",
                true,
                IndexPart.columns("c"),
                Optional.empty(),
                Optional.empty(),
                Map.of(PostgresSpecDialect.NULLS_DISTINCT, "false"));
        Index constraint = new Index(
                "t_c_key",
                true,
                IndexPart.columns("c"),
                Optional.empty(),
                Optional.empty(),
                Map.of(PostgresSpecDialect.NULLS_DISTINCT, "false", SpecAttribute.UNIQUE_CONSTRAINT, "true"));
        SchemaChange create = new SchemaChange.AddTable("public", table.withIndexes(List.of(index)));
        SchemaChange add = new SchemaChange.ModifyTable(
                "public", table, table.withIndexes(List.of(constraint)), List.of(new TableChange.AddIndex(constraint)));
        // The planner of a database opened on PostgreSQL 14 knows its server.
        try (Database db = Database.open(EmbeddedServers.postgres("14"), Path.of(""))) {
            assertThatThrownBy(() -> db.dialect().planner().plan(List.of(create), PlanOptions.defaults()))
                    .isInstanceOf(PlanException.class)
                    .hasMessage("index \"t_c\" of table \"t\": nulls_distinct = false (NULLS NOT DISTINCT) needs"
                            + " PostgreSQL 15 or later, the server is PostgreSQL 14");
            assertThatThrownBy(() -> db.dialect().planner().plan(List.of(add), PlanOptions.defaults()))
                    .isInstanceOf(PlanException.class)
                    .hasMessageStartingWith("unique constraint \"t_c_key\" of table \"t\": nulls_distinct = false");
        }
        assertThat(new PostgresPlanner(15)
                        .plan(List.of(add), PlanOptions.defaults())
                        .changes())
                .extracting(c -> c.sql())
                .containsExactly("ALTER TABLE \"t\" ADD CONSTRAINT \"t_c_key\" UNIQUE NULLS NOT DISTINCT (\"c\")");
    }
}
