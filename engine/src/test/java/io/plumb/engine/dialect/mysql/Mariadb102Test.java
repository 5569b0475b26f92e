package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the dialect on MariaDB 10.2.11, the oldest server the reference's suites run on ({@code maria102}): no schema
 * comments, no {@code CHECK_CONSTRAINTS} table (checks come from {@code SHOW CREATE TABLE}), and a {@code JSON}
 * column that is {@code LONGTEXT} without the check later servers add. One server for the class (it starts in a few
 * seconds once its binaries are cached), one database per test.
 */
class Mariadb102Test {

    private static final String VERSION = "10.2";
    private static String server = "";

    @BeforeAll
    static void start() {
        server = EmbeddedServers.mariadb(VERSION);
    }

    @Test
    void checksAndJsonAreReadWithoutTheCheckCatalogue() throws SQLException {
        try (Database db = fresh("checks")) {
            execute(
                    db,
                    "CREATE TABLE t (id int PRIMARY KEY, doc json NOT NULL CHECK (json_valid(doc)),"
                            + " a int COMMENT 'a CHECK (x)' CHECK (a > 0), b int, CONSTRAINT small CHECK (b < 10),"
                            + " CHECK (a <> b))");
            assertThat(MysqlVersion.of(db.connection())).isEqualTo(new MysqlVersion(10, 2, 11));
            Table t = inspect(db).schemas().get(0).tables().get(0);
            assertThat(t.column("doc").orElseThrow().type()).isEqualTo(ColumnType.Named.of("json"));
            assertThat(t.checks())
                    .containsExactlyInAnyOrder(
                            new Check("a", "`a` > 0", Map.of()),
                            new Check("small", "`b` < 10", Map.of()),
                            new Check("CONSTRAINT_1", "`a` <> `b`", Map.of()));
            assertThat(inspect(db).schemas().get(0).comment()).isEmpty();
        }
    }

    @Test
    void aJsonColumnGetsTheCheckLaterServersAddAndRoundTrips() throws SQLException {
        try (Database db = fresh("json")) {
            String name = db.boundSchema().orElseThrow();
            Realm desired = read(db, name, "column \"doc\" {\n type = json\n }\n");
            List<String> sql = apply(db, desired);
            assertThat(sql)
                    .containsExactly("CREATE TABLE `t` (`id` int NOT NULL, `doc` json NOT NULL"
                            + " CHECK (json_valid(`doc`)), PRIMARY KEY (`id`))");
            assertThat(diff(db, desired)).isEmpty();
        }
    }

    @Test
    void aCurrentTimeDefaultIsWrittenAsTheServerPrintsIt() throws SQLException {
        try (Database db = fresh("now")) {
            String name = db.boundSchema().orElseThrow();
            Realm desired = read(
                    db,
                    name,
                    "column \"at\" {\n type = timestamp(6)\n default = sql(\"CURRENT_TIMESTAMP(6)\")\n }\n"
                            + "column \"made\" {\n type = timestamp\n default = sql(\"CURRENT_TIMESTAMP\")\n }\n");
            assertThat(apply(db, desired))
                    .containsExactly("CREATE TABLE `t` (`id` int NOT NULL, `at` timestamp(6) NOT NULL DEFAULT"
                            + " (current_timestamp(6)), `made` timestamp NOT NULL DEFAULT (current_timestamp()),"
                            + " PRIMARY KEY (`id`))");
            assertThat(diff(db, desired)).isEmpty();
        }
    }

    @Test
    void aSchemaCommentIsAPlanError() throws SQLException {
        try (Database db = fresh("comment")) {
            String name = db.boundSchema().orElseThrow();
            Realm desired = db.dialect()
                    .spec()
                    .read(HclEvaluator.evaluate(
                            List.of(Hcl.parse("schema.hcl", "schema \"" + name + "\" {\n comment = \"c\"\n}\n")),
                            EvalOptions.defaults()));
            assertThatThrownBy(() -> db.dialect().planner().plan(diff(db, desired), PlanOptions.defaults()))
                    .isInstanceOf(PlanException.class)
                    .hasMessage("schema \"" + name + "\": a comment needs MariaDB 10.5 or later, found 10.2.11,"
                            + " whose schemas have no comments");
        }
    }

    private static Database fresh(String prefix) throws SQLException {
        String name = "m102_" + prefix;
        try (Database admin = Database.open(server, Path.of(""));
                Statement s = admin.connection().createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("CREATE DATABASE `" + name + "`");
        }
        return Database.open(server + name, Path.of(""));
    }

    private static Realm read(Database db, String schema, String columns) {
        String hcl = "schema \"" + schema + "\" {}\ntable \"t\" {\n schema = schema." + schema
                + "\n column \"id\" {\n type = int\n }\n" + columns + " primary_key {\n columns = [column.id]\n }\n}\n";
        return db.dialect()
                .spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }

    private static Realm inspect(Database db) throws SQLException {
        return db.dialect()
                .inspector()
                .inspect(
                        db.connection(),
                        new InspectOptions(List.of(db.boundSchema().orElseThrow())));
    }

    private static List<SchemaChange> diff(Database db, Realm desired) throws SQLException {
        return new Differ()
                .diff(inspect(db), desired, DiffOptions.of(db.dialect().normalizer()));
    }

    private static List<String> apply(Database db, Realm desired) throws SQLException {
        Plan plan = db.dialect().planner().plan(diff(db, desired), PlanOptions.defaults());
        List<String> sql = plan.changes().stream().map(PlannedChange::sql).toList();
        for (String statement : sql) {
            execute(db, statement);
        }
        return sql;
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Statement s = db.connection().createStatement()) {
            s.execute(sql);
        }
    }
}
