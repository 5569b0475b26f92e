package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Inspection on PostgreSQL 14, the oldest server the reference's suites run on here: the catalogue has no column
 * PostgreSQL 15 added ({@code pg_index.indnullsnotdistinct}), so inspecting a table with indexes must not read it.
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
}
