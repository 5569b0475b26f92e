package io.plumb.engine.dialect.mysql;

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

/**
 * {@code HclApply} applies an HCL file to a database of the embedded MariaDB as {@code schema apply} does without a dev
 * database: the file against the inspected schema, planned and run statement by statement.
 */
final class HclApply {

    private static final MysqlDialect DIALECT = new MysqlDialect(MysqlFlavour.MARIADB);
    private static final DiffOptions OPTIONS = DiffOptions.of(DIALECT.normalizer());

    private HclApply() {}

    /**
     * Plans the file on the database, runs the plan and returns its statements; the file names its schema {@code DB}
     * ({@code schema "DB"}, {@code schema.DB}), which becomes {@code db}.
     */
    static List<String> applied(String db, String file) throws SQLException {
        String text = file.replace("\"DB\"", "\"" + db + "\"").replace("schema.DB", "schema." + db);
        Realm desired = DIALECT.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", text)), EvalOptions.defaults()));
        try (Connection c = MariaServer.get().connect(db);
                Statement s = c.createStatement()) {
            List<SchemaChange> changes = new Differ().diff(inspect(c, db), desired, OPTIONS);
            List<String> sql = DIALECT.planner().plan(changes, PlanOptions.defaults()).changes().stream()
                    .map(PlannedChange::sql)
                    .toList();
            for (String statement : sql) {
                s.execute(statement);
            }
            return sql;
        }
    }

    /** Inspects the database's schema. */
    static Realm inspect(Connection c, String db) throws SQLException {
        return DIALECT.inspector().inspect(c, new InspectOptions(List.of(db)));
    }
}
