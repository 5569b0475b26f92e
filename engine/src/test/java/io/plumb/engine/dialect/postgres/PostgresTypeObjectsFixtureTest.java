package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loads Plumb's own fixture of sequences, domains, composite types, an extension, policies, row security,
 * partitions and inheritance ({@code postgres/type-objects.sql}), inspects it to HCL, applies that HCL to an empty
 * database, and checks that the second database inspects to the same HCL with the same catalogue counts.
 */
class PostgresTypeObjectsFixtureTest extends PostgresDatabaseTest {

    /** Catalogue counts by kind, over the user schemas. */
    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        String user = " n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
        COUNTS.put(
                "sequences",
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S'"
                        + " AND" + user);
        COUNTS.put(
                "tables",
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p') AND" + user);
        COUNTS.put(
                "partitions",
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relispartition AND c.relkind IN ('r', 'p') AND" + user);
        COUNTS.put("inherits", "SELECT count(*) FROM pg_inherits");
        COUNTS.put(
                "indexes",
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('i', 'I') AND" + user);
        for (String[] type : new String[][] {{"domains", "d"}, {"composites", "c"}, {"enums", "e"}}) {
            COUNTS.put(
                    type[0],
                    "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                            + " WHERE t.typtype = '" + type[1] + "' AND" + user
                            + (type[1].equals("c")
                                    ? " AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'"
                                    : ""));
        }
        COUNTS.put(
                "constraints",
                "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace" + " WHERE" + user);
        COUNTS.put("policies", "SELECT count(*) FROM pg_policy");
        COUNTS.put("extensions", "SELECT count(*) FROM pg_extension");
        COUNTS.put("row security", "SELECT count(*) FROM pg_class WHERE relrowsecurity OR relforcerowsecurity");
        COUNTS.put(
                "owned sequences",
                "SELECT count(*) FROM pg_depend WHERE deptype = 'a'"
                        + " AND classid = 'pg_class'::regclass AND (SELECT relkind FROM pg_class WHERE oid = objid) = 'S'");
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = PostgresTypeObjectsFixtureTest.class.getResourceAsStream("/postgres/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            for (Map.Entry<String, String> count : COUNTS.entrySet()) {
                try (ResultSet rs = st.executeQuery(count.getValue())) {
                    rs.next();
                    counts.put(count.getKey(), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    @Test
    void fixtureInspectsToHclThatAppliesToAnEmptyDatabaseAndInspectsBackIdentical() throws Exception {
        try (Statement st = connection.createStatement()) {
            st.execute(fixture("type-objects.sql"));
        }
        Realm source = inspect();
        assertThat(source.unsupported()).isEmpty();
        String hcl = dialect.spec().write(source);
        try (Connection target = PostgresServer.newDatabase()) {
            Realm desired = read(hcl);
            Realm empty = dialect.inspector().inspect(target, InspectOptions.all());
            List<SchemaChange> changes = new Differ().diff(empty, desired, DiffOptions.of(dialect.normalizer()));
            PlanExecutor.execute(target, dialect.planner().plan(changes, new PlanOptions(true, "  ")));
            Realm copy = dialect.inspector().inspect(target, InspectOptions.all());
            assertThat(dialect.spec().write(copy)).isEqualTo(hcl);
            assertThat(counts(target)).isEqualTo(counts(connection));
            assertThat(new Differ().diff(copy, desired, DiffOptions.of(dialect.normalizer())))
                    .isEmpty();
        }
        assertThat(diff(read(hcl))).isEmpty();
    }
}
