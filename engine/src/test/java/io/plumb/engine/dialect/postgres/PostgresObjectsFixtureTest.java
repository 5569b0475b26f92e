package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loads Plumb's own fixture of every object kind the PostgreSQL dialect models besides tables ({@code
 * postgres/objects.sql}), inspects it to HCL, applies that HCL to an empty database, and checks that the second
 * database inspects back to the same HCL, plans nothing more, and holds as many objects of every kind.
 */
class PostgresObjectsFixtureTest extends PostgresDatabaseTest {

    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put(
                "view",
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind = 'v' AND n.nspname IN ('public', 'app')");
        COUNTS.put("materialized view", "SELECT count(*) FROM pg_class c WHERE c.relkind = 'm'");
        COUNTS.put(
                "materialized view index",
                "SELECT count(*) FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid" + " WHERE c.relkind = 'm'");
        COUNTS.put(
                "routine",
                "SELECT p.prokind::text || ':' || count(*) FROM pg_proc p JOIN pg_namespace n"
                        + " ON n.oid = p.pronamespace WHERE n.nspname IN ('public', 'app') GROUP BY p.prokind"
                        + " ORDER BY p.prokind");
        COUNTS.put("trigger", "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal");
        COUNTS.put("disabled trigger", "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'");
        COUNTS.put("event trigger", "SELECT count(*) FROM pg_event_trigger");
        COUNTS.put(
                "comment",
                "SELECT count(*) FROM pg_description d WHERE d.classoid IN ('pg_class'::regclass,"
                        + " 'pg_proc'::regclass, 'pg_trigger'::regclass, 'pg_event_trigger'::regclass)");
    }

    static void load(Connection connection, String resource) throws Exception {
        try (Statement st = connection.createStatement()) {
            st.execute(Files.readString(Path.of("src/test/resources/" + resource)));
        }
    }

    static Map<String, String> counts(Connection connection) throws SQLException {
        Map<String, String> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> query : COUNTS.entrySet()) {
            StringBuilder rows = new StringBuilder();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(query.getValue())) {
                while (rs.next()) {
                    rows.append(rs.getString(1)).append(' ');
                }
            }
            counts.put(query.getKey(), rows.toString().trim());
        }
        return counts;
    }

    @Test
    void fixtureInspectsToHclThatAppliesToAnEmptyDatabaseAndInspectsBackTheSame() throws Exception {
        load(connection, "postgres/objects.sql");
        Realm source = inspect();
        assertThat(source.unsupported()).isEmpty();
        String hcl = dialect.spec().write(source);
        System.out.println(hcl);
        Map<String, String> before = counts(connection);
        try (Connection empty = PostgresServer.newDatabase()) {
            Realm desired = read(hcl);
            Realm current = dialect.inspector().inspect(empty, InspectOptions.all());
            var changes = new Differ().diff(current, desired, DiffOptions.of(dialect.normalizer()));
            PlanExecutor.execute(empty, dialect.planner().plan(changes, new PlanOptions(true, "  ")));
            Realm applied = dialect.inspector().inspect(empty, InspectOptions.all());
            assertThat(dialect.spec().write(applied)).isEqualTo(hcl);
            assertThat(counts(empty)).isEqualTo(before);
            assertThat(new Differ().diff(applied, desired, DiffOptions.of(dialect.normalizer())))
                    .isEmpty();
            assertThat(new Differ().diff(applied, source, DiffOptions.of(dialect.normalizer())))
                    .isEmpty();
        }
    }
}
