package io.plumb.engine.dialect.mysql;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numeric default literals in any spelling SQL allows ({@code -1.5e10}, {@code +5}, {@code -0}, {@code 1.50})
 * round-trip on MariaDB: their inspected HCL, and HCL that writes them, plan nothing against the schema holding them.
 */
class MysqlNumericDefaultsTest {

    private static final MysqlDialect DIALECT = new MysqlDialect(MysqlFlavour.MARIADB);
    private static final DiffOptions OPTIONS = DiffOptions.of(DIALECT.normalizer());

    @Test
    void defaultsWrittenInSqlPlanNothingFromTheirInspectedHcl() throws Exception {
        String db = MariaServer.get().freshDatabase("numdef");
        try (Connection c = MariaServer.get().connect(db)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (a double DEFAULT -1.5e10, b int DEFAULT +5, c int DEFAULT -0,"
                        + " d decimal(6,2) DEFAULT 1.50, e float DEFAULT (-2.5E-3), f bigint DEFAULT - 7,"
                        + " g decimal(4,2) DEFAULT +.5, h double DEFAULT 1e300)");
            }
            String hcl = DIALECT.spec().write(inspect(c, db));

            assertThat(diff(c, db, read(hcl, db))).as(hcl).isEmpty();
        }
    }

    @Test
    void defaultsWrittenInHclPlanNothingOnceApplied() throws Exception {
        String db = MariaServer.get().freshDatabase("numdef");
        String hcl =
                """
                table "t" {
                  schema = schema.DB
                  column "a" {
                    null    = true
                    type    = double
                    default = -1.5e10
                  }
                  column "b" {
                    null    = true
                    type    = int
                    default = -0
                  }
                  column "c" {
                    null    = true
                    type    = decimal(6,2)
                    default = 2.50
                  }
                  column "d" {
                    null    = true
                    type    = double
                    default = 1e-3
                  }
                }
                schema "DB" {
                }
                """;
        try (Connection c = MariaServer.get().connect(db)) {
            try (Statement s = c.createStatement()) {
                for (PlannedChange change : DIALECT.planner()
                        .plan(diff(c, db, read(hcl, db)), PlanOptions.defaults())
                        .changes()) {
                    s.execute(change.sql());
                }
            }

            assertThat(diff(c, db, read(hcl, db))).isEmpty();
            assertThat(diff(c, db, read(DIALECT.spec().write(inspect(c, db)), db)))
                    .isEmpty();
        }
    }

    private static List<SchemaChange> diff(Connection c, String db, Realm desired) throws SQLException {
        return new Differ().diff(inspect(c, db), desired, OPTIONS);
    }

    private static Realm read(String hcl, String db) {
        String text = hcl.replace("\"DB\"", "\"" + db + "\"").replace("schema.DB", "schema." + db);
        return DIALECT.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", text)), EvalOptions.defaults()));
    }

    private static Realm inspect(Connection c, String db) throws SQLException {
        return DIALECT.inspector().inspect(c, new InspectOptions(List.of(db)));
    }
}
