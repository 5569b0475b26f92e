package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Diffs two PostgreSQL databases loaded from SQL, as {@code schema diff} with a dev database does: a changed
 * function body, view query or trigger condition plans exactly one change, the same object written with other
 * whitespace or casing plans nothing, and plans put objects in dependency order around the tables.
 */
class PostgresObjectsDiffTest extends PostgresDatabaseTest {

    private Connection desired;

    @BeforeEach
    void openDesired() throws SQLException {
        desired = PostgresServer.newDatabase();
    }

    @AfterEach
    void closeDesired() throws SQLException {
        desired.close();
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Loads the current and desired SQL, and returns the plan from current to desired. */
    private List<PlannedChange> plan(String current, String wanted) throws SQLException {
        run(connection, current);
        run(desired, wanted);
        return plan();
    }

    private List<PlannedChange> plan() throws SQLException {
        Realm to = dialect.inspector().inspect(desired, InspectOptions.all());
        List<SchemaChange> changes = new Differ().diff(inspect(), to, DiffOptions.of(dialect.normalizer()));
        return dialect.planner().plan(changes, new PlanOptions(true, "")).changes();
    }

    /** Applies the plan to the current database and checks that nothing is left to plan. */
    private void applyAndCheck(List<PlannedChange> changes) throws SQLException {
        PlanExecutor.execute(connection, new Plan(changes, true));
        assertThat(plan()).isEmpty();
    }

    private static List<String> sql(List<PlannedChange> changes) {
        return changes.stream().map(PlannedChange::sql).toList();
    }

    private static final String POSITIVE =
            "CREATE FUNCTION positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;";

    @Test
    void changedFunctionBodyIsOneReplace() throws SQLException {
        List<PlannedChange> changes = plan(
                POSITIVE,
                "CREATE FUNCTION positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v >= 0 $$;");
        assertThat(sql(changes))
                .containsExactly("CREATE OR REPLACE FUNCTION \"public\".\"positive\"(\"v\" integer) RETURNS boolean"
                        + " LANGUAGE sql IMMUTABLE AS $$ SELECT v >= 0 $$");
        assertThat(changes.get(0).comment()).isEqualTo("replace \"positive\" function");
        applyAndCheck(changes);
    }

    @Test
    void functionWithOtherWhitespaceAndCasingPlansNothing() throws SQLException {
        assertThat(plan(
                        POSITIVE,
                        "create function POSITIVE(V INTEGER) returns BOOLEAN language SQL immutable as $$\n"
                                + "  select V>0 $$;"))
                .isEmpty();
    }

    @Test
    void changedArgumentTypeIsAnOverloadAndOldOneIsDropped() throws SQLException {
        List<PlannedChange> changes = plan(
                POSITIVE,
                "CREATE FUNCTION positive(v bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;");
        assertThat(sql(changes))
                .containsExactly(
                        "DROP FUNCTION \"public\".\"positive\"(integer)",
                        "CREATE FUNCTION \"public\".\"positive\"(\"v\" bigint) RETURNS boolean LANGUAGE sql IMMUTABLE"
                                + " AS $$ SELECT v > 0 $$");
        applyAndCheck(changes);
    }

    private static final String ACCOUNTS = "CREATE TABLE accounts (id integer PRIMARY KEY, balance integer);";

    @Test
    void changedViewQueryIsOneReplaceAndCasingPlansNothing() throws SQLException {
        List<PlannedChange> changes = plan(
                ACCOUNTS + "CREATE VIEW rich AS SELECT id, balance FROM accounts WHERE balance > 100;",
                ACCOUNTS + "CREATE VIEW rich AS SELECT id, balance FROM accounts WHERE balance > 1000;");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).sql()).startsWith("CREATE OR REPLACE VIEW \"public\".\"rich\" AS SELECT");
        applyAndCheck(changes);
        run(desired, "DROP VIEW rich; create view RICH as select ID,\n  BALANCE from ACCOUNTS where BALANCE>1000");
        assertThat(plan()).isEmpty();
    }

    @Test
    void viewOverARecreatedViewIsDroppedAndCreatedAgainInOrder() throws SQLException {
        String base = ACCOUNTS + "CREATE VIEW rich AS SELECT id, balance FROM accounts WHERE balance > 100;"
                + "CREATE VIEW rich_ids AS SELECT id FROM rich;";
        String wanted = ACCOUNTS + "CREATE VIEW rich AS SELECT id FROM accounts WHERE balance > 100;"
                + "CREATE VIEW rich_ids AS SELECT id FROM rich;";
        List<PlannedChange> changes = plan(base, wanted);
        assertThat(changes.stream().map(PlannedChange::comment))
                .containsExactly(
                        "drop \"rich_ids\" view",
                        "drop \"rich\" view",
                        "create \"rich\" view",
                        "create \"rich_ids\" view");
        applyAndCheck(changes);
    }

    private static final String TRIGGER =
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$" + " BEGIN RETURN NEW; END $$;";

    @Test
    void changedTriggerConditionIsOneReplaceAndCasingPlansNothing() throws SQLException {
        List<PlannedChange> changes = plan(
                ACCOUNTS + TRIGGER + "CREATE TRIGGER t BEFORE UPDATE ON accounts FOR EACH ROW"
                        + " WHEN (NEW.balance > 0) EXECUTE FUNCTION touch();",
                ACCOUNTS + TRIGGER + "CREATE TRIGGER t BEFORE UPDATE ON accounts FOR EACH ROW"
                        + " WHEN (NEW.balance > 10) EXECUTE FUNCTION touch();");
        assertThat(sql(changes))
                .containsExactly("CREATE OR REPLACE TRIGGER \"t\" BEFORE UPDATE ON \"public\".\"accounts\" FOR EACH ROW"
                        + " WHEN (new.balance > 10) EXECUTE FUNCTION \"public\".\"touch\"()");
        applyAndCheck(changes);
        run(
                desired,
                "DROP TRIGGER t ON accounts; create trigger T before update on ACCOUNTS for each row"
                        + " when (new.BALANCE>10) execute function TOUCH()");
        assertThat(plan()).isEmpty();
    }

    @Test
    void createsInDependencyOrderAroundTables() throws SQLException {
        List<PlannedChange> changes = plan(
                "",
                POSITIVE + "CREATE TABLE accounts (id integer PRIMARY KEY, balance integer CHECK (positive(balance)));"
                        + "CREATE FUNCTION total() RETURNS bigint LANGUAGE sql AS $$ SELECT sum(balance) FROM accounts $$;"
                        + TRIGGER + "CREATE TRIGGER t BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();"
                        + "CREATE VIEW v1 AS SELECT id FROM accounts; CREATE VIEW v0 AS SELECT id FROM v1;");
        assertThat(changes.stream().map(PlannedChange::comment))
                .containsExactly(
                        "create \"positive\" function",
                        "create \"accounts\" table",
                        "create \"total\" function",
                        "create \"touch\" function",
                        "create \"v1\" view",
                        "create \"v0\" view",
                        "create \"t\" trigger");
        applyAndCheck(changes);
        // And back: dropped in the reverse order, the function the check uses after the table.
        List<PlannedChange> drops = dialect.planner()
                .plan(SchemaChange.dropAll(inspect()), new PlanOptions(true, ""))
                .changes();
        assertThat(drops.stream().map(PlannedChange::comment))
                .containsExactly(
                        "drop \"t\" trigger",
                        "drop \"v0\" view",
                        "drop \"v1\" view",
                        "drop \"touch\" function",
                        "drop \"total\" function",
                        "drop \"accounts\" table",
                        "drop \"positive\" function");
        PlanExecutor.execute(connection, new Plan(drops, true));
        assertThat(inspect().schemas().get(0).objects()).isEmpty();
    }

    @Test
    void sqlFunctionInACheckThatReadsANewTableIsCreatedWithoutBodyCheck() throws SQLException {
        List<PlannedChange> changes = plan(
                "",
                "CREATE TABLE owners (id integer PRIMARY KEY);"
                        + "CREATE FUNCTION owner_exists(o integer) RETURNS boolean LANGUAGE sql STABLE"
                        + " AS $$ SELECT EXISTS (SELECT 1 FROM owners WHERE id = o) $$;"
                        + "CREATE TABLE accounts (id integer PRIMARY KEY, owner integer CHECK (owner_exists(owner)));");
        assertThat(changes.stream().map(PlannedChange::sql).toList().subList(0, 3))
                .containsExactly(
                        "SET check_function_bodies = false",
                        "CREATE FUNCTION \"public\".\"owner_exists\"(\"o\" integer) RETURNS boolean LANGUAGE sql STABLE"
                                + " AS $$ SELECT EXISTS (SELECT 1 FROM owners WHERE id = o) $$",
                        "RESET check_function_bodies");
        applyAndCheck(changes);
    }

    @Test
    void fixtureDropsCleanly() throws Exception {
        PostgresObjectsFixtureTest.load(connection, "postgres/objects.sql");
        Plan drops = dialect.planner().plan(SchemaChange.dropAll(inspect()), new PlanOptions(true, ""));
        PlanExecutor.execute(connection, drops);
        Realm left = inspect();
        assertThat(left.objects()).isEmpty();
        left.schemas().forEach(s -> assertThat(s.objects()).isEmpty());
    }
}
