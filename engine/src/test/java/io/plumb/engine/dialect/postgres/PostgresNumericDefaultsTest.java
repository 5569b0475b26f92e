package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Numeric default literals in any spelling SQL allows ({@code -1.5e10}, {@code +5}, {@code -0}, {@code 1.50})
 * round-trip: their inspected HCL, and HCL that writes them, plan nothing against the database that holds them.
 */
class PostgresNumericDefaultsTest extends PostgresDatabaseTest {

    @Test
    void defaultsWrittenInSqlPlanNothingFromTheirInspectedHcl() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (a float8 DEFAULT -1.5e10, b int DEFAULT +5, c int DEFAULT -0,"
                    + " d numeric DEFAULT 1.50, e real DEFAULT (-2.5E-3), f bigint DEFAULT - 7,"
                    + " g numeric(4,2) DEFAULT +.5, h float8 DEFAULT 1e300)");
        }
        String hcl = dialect.spec().write(inspect());

        assertThat(diff(read(hcl))).as(hcl).isEmpty();
    }

    @Test
    void defaultsWrittenInHclPlanNothingOnceApplied() throws SQLException {
        String hcl =
                """
                table "t" {
                  schema = schema.public
                  column "a" {
                    null    = true
                    type    = double_precision
                    default = -1.5e10
                  }
                  column "b" {
                    null    = true
                    type    = integer
                    default = -0
                  }
                  column "c" {
                    null    = true
                    type    = numeric
                    default = 2.50
                  }
                  column "d" {
                    null    = true
                    type    = real
                    default = 1e-3
                  }
                  column "e" {
                    null    = true
                    type    = bigint
                    default = -7
                  }
                }
                schema "public" {
                }
                """;
        Plan plan = dialect.planner().plan(diff(read(hcl)), PlanOptions.defaults());
        PlanExecutor.execute(connection, plan);

        assertThat(diff(read(hcl))).isEmpty();
        assertThat(diff(read(dialect.spec().write(inspect())))).isEmpty();
    }
}
