package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applies HCL schemas to a fresh PostgreSQL database (planned from what is there), inspects it back, and checks that
 * the inspection prints the same HCL and that applying again plans nothing: one test per family of constructs.
 */
class PostgresRoundTripTest {

    private final PostgresDialect dialect = new PostgresDialect();
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = PostgresServer.newDatabase();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private Realm read(String hcl) {
        return dialect.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }

    private Realm inspect() throws SQLException {
        return dialect.inspector().inspect(connection, InspectOptions.all());
    }

    private List<SchemaChange> diff(Realm desired) throws SQLException {
        return new Differ().diff(inspect(), desired, DiffOptions.of(dialect.normalizer()));
    }

    private void apply(Realm desired) throws SQLException {
        Plan plan = dialect.planner().plan(diff(desired), new PlanOptions(true, "  "));
        PlanExecutor.execute(connection, plan);
    }

    private void assertRoundTrip(String hcl) throws SQLException {
        Realm desired = read(hcl);
        apply(desired);
        assertThat(dialect.spec().write(inspect())).isEqualTo(hcl);
        assertThat(diff(desired)).isEmpty();
    }

    @Test
    void columnsWithTypesNullsDefaultsAndComments() throws SQLException {
        assertRoundTrip("""
                table "users" {
                  schema  = schema.public
                  comment = "people"
                  column "id" {
                    null = false
                    type = bigint
                  }
                  column "name" {
                    null    = true
                    type    = character_varying(255)
                    default = "anon"
                    comment = "display name"
                  }
                  column "score" {
                    null    = false
                    type    = numeric(10,2)
                    default = 1.5
                  }
                  column "active" {
                    null    = false
                    type    = boolean
                    default = true
                  }
                  column "created" {
                    null    = false
                    type    = timestamptz
                    default = sql("CURRENT_TIMESTAMP")
                  }
                  column "ratio" {
                    null = true
                    type = double_precision
                  }
                  column "small" {
                    null    = true
                    type    = smallint
                    default = -1
                  }
                  column "code" {
                    null = true
                    type = character(3)
                  }
                  column "doc" {
                    null = true
                    type = jsonb
                  }
                  column "at" {
                    null = true
                    type = timestamp(3)
                  }
                  column "tags" {
                    null = true
                    type = sql("text[]")
                  }
                  primary_key {
                    columns = [column.id]
                  }
                }
                schema "public" {
                }
                """);
    }
}
