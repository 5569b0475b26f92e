package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import io.plumb.engine.source.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's views and triggers: inspected, written as HCL, planned in dependency order, compared as SQLite keeps them. */
class SqliteObjectsTest {

    private static final String SCHEMA =
            """
            CREATE TABLE orders (id integer PRIMARY KEY, amount integer NOT NULL);
            CREATE TABLE audit (order_id integer, note text);
            CREATE VIEW big_ids AS SELECT id FROM big_orders;
            CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
            CREATE TRIGGER orders_audit AFTER UPDATE OF amount ON orders FOR EACH ROW WHEN NEW.amount > 100
            BEGIN
              INSERT INTO audit VALUES (NEW.id, 'big');
            END;
            """;

    @TempDir
    Path dir;

    private Realm load(String sql) throws IOException {
        Path file = dir.resolve("schema-" + Math.abs(sql.hashCode()) + ".sql");
        Files.writeString(file, sql);
        try (Database dev = Database.open("sqlite://dev?mode=memory", dir)) {
            return new SourceLoader(dir, Map.of(), name -> null).load(List.of(file.toString()), dev.dialect(), dev);
        }
    }

    private static List<SchemaChange> diff(Realm from, Realm to) {
        return new Differ().diff(from, to, DiffOptions.of(new SqliteNormalizer()));
    }

    private static Plan plan(List<SchemaChange> changes) {
        return new SqlitePlanner().plan(changes, PlanOptions.defaults());
    }

    @Test
    void inspectsViewsAndTriggersAsSqliteKeepsThem() throws IOException {
        List<SchemaObject> objects = load(SCHEMA).schemas().get(0).objects();

        assertThat(objects)
                .extracting(SchemaObject::kind, SchemaObject::name)
                .containsExactly(
                        tuple(ObjectKind.VIEW, "big_ids"),
                        tuple(ObjectKind.VIEW, "big_orders"),
                        tuple(ObjectKind.TRIGGER, "orders_audit"));
        assertThat(((View) objects.get(1)).query()).isEqualTo("SELECT id, amount FROM orders WHERE amount > 100");
        Trigger trigger = (Trigger) objects.get(2);
        assertThat(trigger.timing()).isEqualTo("AFTER");
        assertThat(trigger.events()).containsExactly("UPDATE");
        assertThat(trigger.updateOf()).containsExactly("amount");
        assertThat(trigger.when()).contains("NEW.amount > 100");
        assertThat(trigger.body()).contains("BEGIN\n  INSERT INTO audit VALUES (NEW.id, 'big');\nEND");
    }

    @Test
    void createsViewsAfterWhatTheyReadAndTriggersAfterTheirTable() throws IOException {
        List<String> sql = plan(SchemaChange.createAll(load(SCHEMA))).changes().stream()
                .map(PlannedChange::sql)
                .toList();

        assertThat(sql).hasSize(5);
        assertThat(sql.get(2)).startsWith("CREATE VIEW `big_orders`");
        assertThat(sql.get(3)).startsWith("CREATE VIEW `big_ids`");
        assertThat(sql.get(4)).startsWith("CREATE TRIGGER `orders_audit` AFTER UPDATE OF `amount` ON `orders`");
    }

    @Test
    void whitespaceAndCasingPlanNothingAndARealChangePlansOne() throws IOException {
        Realm current = load(SCHEMA);
        Realm respelled = load(SCHEMA.replace("amount > 100", "AMOUNT  >\n 100").replace("BEGIN", "begin"));
        Realm changed = load(SCHEMA.replace("NEW.amount > 100", "NEW.amount > 200"));

        assertThat(diff(current, respelled)).isEmpty();
        List<SchemaChange> changes = diff(current, changed);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0)).isInstanceOf(SchemaChange.ModifyObject.class);
        assertThat(plan(changes).changes())
                .extracting(PlannedChange::comment)
                .containsExactly("drop trigger \"orders_audit\"", "create trigger \"orders_audit\"");
    }

    @Test
    void aViewOverARecreatedViewIsRecreatedInOrder() throws IOException {
        Realm current = load(SCHEMA);
        Realm changed = load(SCHEMA.replace("WHERE amount > 100", "WHERE amount > 500"));

        List<String> comments = plan(diff(current, changed)).changes().stream()
                .map(PlannedChange::comment)
                .toList();

        assertThat(comments)
                .containsExactly(
                        "drop \"big_ids\" view",
                        "drop \"big_orders\" view",
                        "create \"big_orders\" view",
                        "create \"big_ids\" view");
    }

    @Test
    void aTableRebuildPlansItsTriggersAgainAndKeepsThemWorking() throws IOException, SQLException {
        Realm current = load(SCHEMA);
        Realm rebuilt = load(SCHEMA.replace("amount integer NOT NULL", "amount integer NOT NULL DEFAULT 0"));
        Plan plan = plan(diff(current, rebuilt));

        assertThat(plan.changes()).extracting(PlannedChange::comment).contains("create trigger \"orders_audit\"");
        try (Database db = Database.open("sqlite://app.db", dir)) {
            PlanExecutor.execute(db.connection(), plan(SchemaChange.createAll(current)));
            PlanExecutor.execute(db.connection(), plan);
            try (Statement st = db.connection().createStatement()) {
                st.execute("INSERT INTO orders (id, amount) VALUES (1, 5)");
                st.execute("UPDATE orders SET amount = 150 WHERE id = 1");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
            assertThat(diff(db.inspect(List.of()), rebuilt)).isEmpty();
        }
    }

    @Test
    void inspectedHclAppliesToAnEmptyDatabaseAndInspectsBackIdentical() throws IOException {
        Realm realm = load(SCHEMA);
        SqliteSchemaSpec spec = new SqliteSchemaSpec();
        String hcl = spec.write(realm);

        assertThat(hcl)
                .contains("view \"big_orders\" {\n  schema = schema.main\n"
                        + "  as     = \"SELECT id, amount FROM orders WHERE amount > 100\"\n}\n")
                .contains("trigger \"orders_audit\" {\n  on = table.orders\n  after {\n"
                        + "    update_of = [table.orders.column.amount]\n  }\n  when = \"NEW.amount > 100\"\n"
                        + "  as   = <<-SQL\n  BEGIN\n    INSERT INTO audit VALUES (NEW.id, 'big');\n  END\n  SQL\n}\n");
        Realm read = spec.read(HclEvaluator.evaluate(
                List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults().withEnv(n -> null)));
        try (Database db = Database.open("sqlite://empty.db", dir)) {
            PlanExecutor.execute(db.connection(), plan(SchemaChange.createAll(read)));
            assertThat(spec.write(db.inspect(List.of()))).isEqualTo(hcl);
        }
    }

    @Test
    void aFixtureOfEveryKindRoundTripsWithTheSameCatalogueCounts() throws IOException, SQLException {
        String fixture = new String(
                SqliteObjectsTest.class
                        .getResourceAsStream("/sqlite/objects.sql")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Realm realm = load(fixture);
        SqliteSchemaSpec spec = new SqliteSchemaSpec();
        String hcl = spec.write(realm);
        try (Database source = Database.open("sqlite://source.db", dir);
                Database target = Database.open("sqlite://target.db", dir)) {
            try (Statement st = source.connection().createStatement()) {
                st.executeUpdate(fixture);
            }
            Realm read = spec.read(HclEvaluator.evaluate(
                    List.of(Hcl.parse("schema.hcl", hcl)),
                    EvalOptions.defaults().withEnv(n -> null)));
            PlanExecutor.execute(target.connection(), plan(SchemaChange.createAll(read)));

            assertThat(spec.write(target.inspect(List.of()))).isEqualTo(hcl);
            assertThat(counts(target))
                    .isEqualTo(counts(source))
                    .containsEntry("view", 3)
                    .containsEntry("trigger", 5);
            assertThat(diff(source.inspect(List.of()), target.inspect(List.of())))
                    .isEmpty();
            try (Statement st = target.connection().createStatement()) {
                st.execute("INSERT INTO customers VALUES (1, 'ann', NULL)");
                st.execute("INSERT INTO \"open orders\" (id, customer_id, amount) VALUES (1, 1, 1500)");
                st.execute("UPDATE orders SET status = 'paid'");
                try (ResultSet rs = st.executeQuery("SELECT name FROM big_customers")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("ann");
                }
                try (ResultSet rs = st.executeQuery("SELECT what FROM audit")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("paid 1");
                }
            }
        }
    }

    private static Map<String, Integer> counts(Database db) throws SQLException {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT type, count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' GROUP BY type")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }
}
