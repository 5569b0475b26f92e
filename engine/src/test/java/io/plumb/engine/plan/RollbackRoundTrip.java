package io.plumb.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code RollbackRoundTrip} checks a down part on a real database, as {@code migrate diff} plans it: the current
 * state and the desired state are each created from SQL and inspected; the migration (the diff from current to
 * desired) and its rollback (the diff back, by {@link RollbackPlanner}) are planned; the migration is applied and
 * must reach the desired state; the rollback is applied and must bring back the current state exactly.
 */
public final class RollbackRoundTrip {

    /** A database the round trip empties and fills. */
    public interface Target {

        /** Returns a connection to the database, emptied of every table and object. */
        Connection empty() throws SQLException;
    }

    private final Dialect dialect;
    private final Target target;
    private final PlanOptions options;
    private final InspectOptions inspection;

    public RollbackRoundTrip(Dialect dialect, Target target, PlanOptions options) {
        this(dialect, target, options, InspectOptions.all());
    }

    public RollbackRoundTrip(Dialect dialect, Target target, PlanOptions options, InspectOptions inspection) {
        this.dialect = dialect;
        this.target = target;
        this.options = options;
        this.inspection = inspection;
    }

    /** What a round trip with changes that have no reverse leaves: the rollback, and the changes not undone. */
    public record Irreversible(Rollback rollback, List<SchemaChange> left) {}

    /**
     * Runs the round trip and returns the rollback, after checking that every change has a reverse, that the
     * migration reaches the desired state and that the rollback brings the current one back.
     */
    public Rollback run(List<String> currentSql, List<String> desiredSql) throws SQLException {
        Irreversible result = runIrreversible(currentSql, desiredSql);
        assertThat(result.rollback().irreversible())
                .as("changes without a reverse")
                .isEmpty();
        assertThat(result.left())
                .as("left to plan after the rollback: %s", result.rollback())
                .isEmpty();
        return result.rollback();
    }

    /**
     * Runs the round trip where some changes may have no reverse: applies the migration, checks it reaches the
     * desired state, applies the rollback and returns it with the changes still between the result and the current
     * state.
     */
    public Irreversible runIrreversible(List<String> currentSql, List<String> desiredSql) throws SQLException {
        Realm desired = inspect(create(desiredSql));
        Connection connection = create(currentSql);
        Realm current = inspect(connection);
        DiffOptions diff = DiffOptions.of(dialect.normalizer());
        List<SchemaChange> forward = new Differ().diff(current, desired, diff);
        assertThat(forward).as("the migration's changes").isNotEmpty();
        List<SchemaChange> backward = new Differ().diff(desired, current, diff);
        Plan up = dialect.planner().plan(forward, options);
        Rollback down = new RollbackPlanner(dialect.planner(), options).plan(forward, backward);
        PlanExecutor.execute(connection, up);
        assertThat(new Differ().diff(inspect(connection), desired, diff))
                .as("left to plan after the migration")
                .isEmpty();
        PlanExecutor.execute(connection, asPlan(down));
        Realm after = inspect(connection);
        List<SchemaChange> left = new ArrayList<>(new Differ().diff(after, current, diff));
        if (left.isEmpty()) {
            assertThat(new Differ().diff(current, after, diff))
                    .as("left to plan back after the rollback")
                    .isEmpty();
        }
        return new Irreversible(down, left);
    }

    private Connection create(List<String> sql) throws SQLException {
        Connection connection = target.empty();
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
        return connection;
    }

    private Realm inspect(Connection connection) throws SQLException {
        return dialect.inspector().inspect(connection, inspection);
    }

    /** Returns the rollback's statements as a plan to execute. */
    public static Plan asPlan(Rollback rollback) {
        return new Plan(
                rollback.steps().stream()
                        .flatMap(s -> s.statements().stream())
                        .map(s -> new PlannedChange("", s))
                        .toList(),
                rollback.transactional());
    }
}
