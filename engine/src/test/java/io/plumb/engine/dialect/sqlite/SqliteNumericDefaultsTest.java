package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Numeric default literals in any spelling SQL allows ({@code -1.5e10}, {@code +5}, {@code -0}, {@code 1.50})
 * round-trip: their inspected HCL, and HCL that writes them, plan nothing against the database that holds them.
 */
class SqliteNumericDefaultsTest {

    private final SqliteDialect dialect = new SqliteDialect();
    private final DiffOptions options = DiffOptions.of(dialect.normalizer());
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void defaultsWrittenInSqlPlanNothingFromTheirInspectedHcl() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (a real DEFAULT -1.5e10, b int DEFAULT +5, c int DEFAULT -0,"
                    + " d real DEFAULT 1.50, e real DEFAULT (-2.5E-3), f int DEFAULT - 7, g numeric DEFAULT +.5)");
        }
        Realm inspected = inspect();
        String hcl = dialect.spec().write(inspected);

        assertThat(diff(read(hcl))).as(hcl).isEmpty();
    }

    @Test
    void defaultsWrittenInHclPlanNothingOnceApplied() throws SQLException {
        String hcl =
                """
                table "t" {
                  schema = schema.main
                  column "a" {
                    null    = true
                    type    = real
                    default = -1.5e10
                  }
                  column "b" {
                    null    = true
                    type    = int
                    default = -0
                  }
                  column "c" {
                    null    = true
                    type    = real
                    default = 2.50
                  }
                  column "d" {
                    null    = true
                    type    = real
                    default = 1e-3
                  }
                }
                schema "main" {
                }
                """;
        List<SchemaChange> changes = diff(read(hcl));
        try (Statement s = connection.createStatement()) {
            for (PlannedChange change :
                    dialect.planner().plan(changes, PlanOptions.defaults()).changes()) {
                s.execute(change.sql());
            }
        }

        assertThat(diff(read(hcl))).isEmpty();
        assertThat(diff(read(dialect.spec().write(inspect())))).isEmpty();
    }

    private Realm read(String hcl) {
        return dialect.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }

    private Realm inspect() throws SQLException {
        return dialect.inspector().inspect(connection, InspectOptions.all());
    }

    private List<SchemaChange> diff(Realm desired) throws SQLException {
        return new Differ().diff(inspect(), desired, options);
    }
}
