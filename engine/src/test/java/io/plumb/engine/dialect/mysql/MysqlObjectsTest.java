package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.migrate.ScannerOptions;
import io.plumb.engine.migrate.StatementScanner;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inspects, plans, applies and reads back MariaDB views, functions, procedures, triggers and events. */
class MysqlObjectsTest {

    private static final MysqlDialect DIALECT = new MysqlDialect(MysqlFlavour.MARIADB);
    private static final DiffOptions OPTIONS = DiffOptions.of(DIALECT.normalizer());

    static final String SQL =
            """
            CREATE TABLE t (id int PRIMARY KEY, v int, n varchar(10));
            CREATE TABLE log (id int AUTO_INCREMENT PRIMARY KEY, msg text);
            CREATE FUNCTION plus_rows(x int) RETURNS int DETERMINISTIC READS SQL DATA COMMENT 'adds the rows'
            BEGIN
              RETURN x + (SELECT count(*) FROM t);
            END;
            CREATE PROCEDURE note(IN a int, INOUT b varchar(10), OUT c int) MODIFIES SQL DATA
            BEGIN
              INSERT INTO log(msg) VALUES (concat(a, b));
              SET c = 1;
            END;
            CREATE VIEW v1 AS SELECT id, v + 1 AS w FROM t WHERE v > 0 WITH LOCAL CHECK OPTION;
            CREATE VIEW v2 AS SELECT * FROM v1;
            CREATE SQL SECURITY INVOKER VIEW counted AS SELECT plus_rows(1) AS c;
            CREATE TRIGGER t_default BEFORE INSERT ON t FOR EACH ROW SET NEW.v = coalesce(NEW.v, 0);
            CREATE TRIGGER t_name BEFORE INSERT ON t FOR EACH ROW FOLLOWS t_default SET NEW.n = 'x';
            CREATE TRIGGER t_log AFTER DELETE ON t FOR EACH ROW
            BEGIN
              INSERT INTO log(msg) VALUES (concat('deleted ', OLD.id));
            END;
            CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE
              COMMENT 'purges the log' DO DELETE FROM log;
            CREATE EVENT once ON SCHEDULE AT '2031-01-01 00:00:00' DISABLE DO DELETE FROM log;
            """;

    @Test
    void inspectsEveryKindAsHcl() throws Exception {
        String db = load(SQL);
        String hcl = hcl(db);
        assertThat(hcl.replace(db, "DB"))
                .contains(
                        """
                        view "counted" {
                          schema = schema.DB
                          column "c" {
                            null = true
                            type = int
                          }
                          as       = "select `plus_rows`(1) AS `c`"
                          security = INVOKER
                        }
                        """,
                        """
                        view "v1" {
                          schema = schema.DB
                          column "id" {
                            null = false
                            type = int
                          }
                          column "w" {
                            null = true
                            type = bigint
                          }
                          as           = "select `t`.`id` AS `id`,`t`.`v` + 1 AS `w` from `t` where `t`.`v` > 0"
                          check_option = LOCAL
                        }
                        """,
                        """
                        function "plus_rows" {
                          schema = schema.DB
                          arg "x" {
                            type = int
                          }
                          return        = int
                          as            = <<-SQL
                          BEGIN
                            RETURN x + (SELECT count(*) FROM t);
                          END
                          SQL
                          deterministic = true
                          data_access   = READS_SQL_DATA
                          comment       = "adds the rows"
                        }
                        """,
                        """
                        procedure "note" {
                          schema = schema.DB
                          arg "a" {
                            type = int
                          }
                          arg "b" {
                            type = varchar(10)
                            mode = INOUT
                          }
                          arg "c" {
                            type = int
                            mode = OUT
                          }
                          as          = <<-SQL
                          BEGIN
                            INSERT INTO log(msg) VALUES (concat(a, b));
                            SET c = 1;
                          END
                          SQL
                          data_access = MODIFIES_SQL_DATA
                        }
                        """,
                        """
                        trigger "t_name" {
                          on = table.t
                          before {
                            insert = true
                          }
                          as      = "SET NEW.n = 'x'"
                          follows = "t_default"
                        }
                        """,
                        """
                        event "cleanup" {
                          schema        = schema.DB
                          every         = "1 DAY"
                          starts        = "2030-01-01 00:00:00"
                          as            = "DELETE FROM log"
                          on_completion = PRESERVE
                          status        = DISABLED
                          comment       = "purges the log"
                        }
                        """,
                        """
                        event "once" {
                          schema = schema.DB
                          at     = "2031-01-01 00:00:00"
                          as     = "DELETE FROM log"
                          status = DISABLED
                        }
                        """);
        // Kinds in a fixed order, names sorted within a kind, whatever the order of creation.
        assertThat(order(hcl))
                .containsExactly(
                        "table \"log\"",
                        "table \"t\"",
                        "view \"counted\"",
                        "view \"v1\"",
                        "view \"v2\"",
                        "function \"plus_rows\"",
                        "procedure \"note\"",
                        "trigger \"t_default\"",
                        "trigger \"t_log\"",
                        "trigger \"t_name\"",
                        "event \"cleanup\"",
                        "event \"once\"",
                        "schema \"" + db + "\"");
    }

    @Test
    void inspectedHclAppliesToAnEmptySchemaAndInspectsBackIdentical() throws Exception {
        String source = load(SQL);
        String hcl = hcl(source);
        String target = MariaServer.get().freshDatabase("objects");
        Realm desired = read(hcl.replace(source, target));
        try (Connection c = MariaServer.get().connect(target)) {
            execute(c, plan(inspect(c, target), desired));
            assertThat(hcl(target)).isEqualTo(hcl.replace(source, target));
            assertThat(new Differ().diff(inspect(c, target), desired, OPTIONS)).isEmpty();
        }
        assertThat(counts(target)).isEqualTo(counts(source)).containsExactly(3, 2, 3, 2);
    }

    @Test
    void theFixtureOfEveryKindRoundTripsThroughHcl() throws Exception {
        String sql;
        try (var in = MysqlObjectsTest.class.getResourceAsStream("/testdata/mysql/objects.sql")) {
            sql = new String(
                    java.util.Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String source = load(sql);
        String hcl = hcl(source);
        String target = MariaServer.get().freshDatabase("fixture");
        Realm desired = read(hcl.replace(source, target));
        try (Connection c = MariaServer.get().connect(target)) {
            execute(c, plan(inspect(c, target), desired));
            assertThat(hcl(target)).isEqualTo(hcl.replace(source, target));
            assertThat(new Differ().diff(inspect(c, target), desired, OPTIONS)).isEmpty();
            // The applied objects work: triggers in order, the procedure, the views over the function.
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO customers (id, name) VALUES (1, 'ada')");
                s.execute("CALL place_order(1, 150, @id)");
                s.execute("UPDATE customers SET name = 'Ada' WHERE id = 1");
            }
            assertThat(MariaServer.get().query(c, "SELECT name, total, computed FROM customer_report"))
                    .containsExactly("Ada\t150.00\t150.00");
            assertThat(MariaServer.get().query(c, "SELECT note FROM audit ORDER BY id"))
                    .containsExactly("order for 1", "customer 1 now Ada");
        }
        assertThat(counts(target)).isEqualTo(counts(source)).containsExactly(3, 5, 6, 3);
    }

    @Test
    void sameObjectsWrittenDifferentlyPlanNothing() throws Exception {
        String a = load(SQL);
        String b = load(SQL.replace("BEGIN", "begin")
                .replace("END;", "end ;")
                .replace("RETURN x + (SELECT", "return   x+(select")
                .replace("SET NEW.n = 'x'", "set new.n='x'")
                .replace("SELECT id, v + 1 AS w FROM t WHERE v > 0", "select id,v+1 as w from t where (v>0)"));
        assertThat(diff(a, b)).isEmpty();
    }

    @Test
    void changedBodiesPlanOneChangeEach() throws Exception {
        String a = load(SQL);
        String function = load(SQL.replace("RETURN x + (SELECT", "RETURN x - (SELECT"));
        String view = load(SQL.replace("WHERE v > 0", "WHERE v > 1"));
        String trigger = load(SQL.replace("SET NEW.n = 'x'", "SET NEW.n = 'y'"));
        String first = load(SQL.replace("coalesce(NEW.v, 0)", "coalesce(NEW.v, 1)"));
        String event = load(SQL.replace("EVERY 1 DAY", "EVERY 2 DAY"));
        assertThat(statements(a, function))
                .singleElement()
                .asString()
                .startsWith("CREATE OR REPLACE FUNCTION `plus_rows`(`x` int) RETURNS int")
                .contains("x - (SELECT");
        assertThat(statements(a, view))
                .containsExactly("CREATE OR REPLACE VIEW `v1` AS select `t`.`id` AS `id`,`t`.`v` + 1 AS `w` from `t`"
                        + " where `t`.`v` > 1 WITH LOCAL CHECK OPTION");
        assertThat(statements(a, trigger))
                .containsExactly("CREATE OR REPLACE TRIGGER `t_name` BEFORE INSERT ON `t` FOR EACH ROW FOLLOWS"
                        + " `t_default`\nSET NEW.n = 'y'");
        assertThat(statements(a, event))
                .singleElement()
                .asString()
                .startsWith(
                        "CREATE OR REPLACE EVENT `cleanup`" + " ON SCHEDULE EVERY 2 DAY STARTS '2030-01-01 00:00:00'");
        // The first of two triggers of one table, timing and event is dropped and created, and so is the one that
        // follows it, which a replacement would have put first.
        assertThat(plan(diff(a, first)).changes().stream().map(PlannedChange::comment))
                .containsExactly(
                        "drop trigger \"t_name\"",
                        "drop trigger \"t_default\"",
                        "create trigger \"t_default\"",
                        "create trigger \"t_name\"");
        // Applying the changes makes the schemas equal.
        for (String changed : List.of(function, first)) {
            try (Connection c = MariaServer.get().connect(a)) {
                execute(
                        c,
                        plan(inspect(c, a), inspect(c, changed).schemas().get(0).renamed(a)));
            }
            assertThat(diff(a, changed)).isEmpty();
        }
    }

    @Test
    void mysqlDropsAndCreatesWhatItCannotReplace() throws Exception {
        String a = load(SQL);
        String b = load(SQL.replace("RETURN x + (SELECT", "RETURN x - (SELECT"));
        MysqlDialect mysql = new MysqlDialect(MysqlFlavour.MYSQL);
        try (Connection c = MariaServer.get().connect(a)) {
            List<SchemaChange> changes =
                    new Differ().diff(inspect(c, a), renamed(inspect(c, b), a), DiffOptions.of(mysql.normalizer()));
            assertThat(mysql.planner().plan(changes, PlanOptions.defaults()).changes().stream()
                            .map(PlannedChange::comment))
                    .containsExactly(
                            "drop \"counted\" view",
                            "drop \"plus_rows\" function",
                            "create \"plus_rows\" function",
                            "create \"counted\" view");
        }
    }

    @Test
    void createsInDependencyOrderAndDropsInReverse() throws Exception {
        String db = load(SQL);
        Realm full;
        try (Connection c = MariaServer.get().connect(db)) {
            full = inspect(c, db);
        }
        Realm empty = Realm.of(full.schemas().get(0).withTables(List.of()).withObjects(List.of()));
        List<String> creates = comments(new Differ().diff(empty, full, OPTIONS));
        assertThat(creates)
                .containsSubsequence("create \"log\" table", "create \"plus_rows\" function", "create \"counted\" view")
                .containsSubsequence("create \"t\" table", "create \"v1\" view", "create \"v2\" view")
                .containsSubsequence("create trigger \"t_default\"", "create trigger \"t_name\"");
        List<String> drops = comments(new Differ().diff(full, empty, OPTIONS));
        assertThat(drops)
                .containsSubsequence("drop \"v2\" view", "drop \"v1\" view", "drop \"t\" table")
                .containsSubsequence("drop \"counted\" view", "drop \"plus_rows\" function");
        String target = MariaServer.get().freshDatabase("order");
        try (Connection c = MariaServer.get().connect(target)) {
            execute(c, plan(inspect(c, target), renamed(full, target)));
            execute(c, plan(inspect(c, target), renamed(empty, target)));
            assertThat(inspect(c, target).schemas().get(0).objects()).isEmpty();
        }
    }

    @Test
    void qualifiedPlansRunFromNoDefaultDatabase() throws Exception {
        String source = load(SQL);
        String target = "objects_q_" + System.nanoTime();
        Realm desired;
        try (Connection c = MariaServer.get().connect(source)) {
            desired = renamed(inspect(c, source), target);
        }
        try (Connection c = MariaServer.get().connect()) {
            List<SchemaChange> changes = new Differ().diff(new Realm(List.of()), desired, OPTIONS);
            Plan plan = DIALECT.planner().plan(changes, new PlanOptions(true, ""));
            assertThat(plan.changes().stream().map(PlannedChange::sql))
                    .contains("CREATE SQL SECURITY INVOKER VIEW `" + target + "`.`counted` AS select `" + target
                            + "`.`plus_rows`(1) AS `c`");
            execute(c, plan);
            assertThat(new Differ().diff(inspect(c, target), desired, OPTIONS)).isEmpty();
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE `" + target + "`");
            }
        }
    }

    @Test
    void unmodelledKindsAreCounted() throws Exception {
        String db = load(
                """
                CREATE TABLE t (id int);
                CREATE SEQUENCE s;
                CREATE TABLE history (x int) WITH SYSTEM VERSIONING;
                CREATE TABLE p1 (y int) PARTITION BY RANGE (y) (PARTITION a VALUES LESS THAN (10), PARTITION b VALUES LESS THAN MAXVALUE);
                CREATE TABLE p2 (y int) PARTITION BY HASH (y) PARTITIONS 3;
                """);
        try (Connection c = MariaServer.get().connect(db)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET sql_mode = 'ORACLE'");
                s.execute("CREATE PACKAGE pkg AS FUNCTION f RETURN INT; END");
                s.execute("CREATE PACKAGE BODY pkg AS FUNCTION f RETURN INT AS BEGIN RETURN 1; END; END");
                s.execute("SET sql_mode = DEFAULT");
            }
            Realm realm = inspect(c, db);
            assertThat(realm.unsupported())
                    .containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of(
                            "sequence", 1, "system-versioned table", 1, "package", 1, "PARTITION BY clause", 2)));
            assertThat(realm.unsupportedWarning())
                    .hasValue("warning: 2 PARTITION BY clauses, 1 package, 1 sequence and 1 system-versioned table are"
                            + " not supported by plumb yet and left out of the schema");
            assertThat(realm.schemas().get(0).objects()).isEmpty();
            // A partitioned table is kept, without its partitioning.
            assertThat(realm.schemas().get(0).tables())
                    .extracting(t -> t.name())
                    .containsExactly("p1", "p2", "t");
        }
    }

    @Test
    void unknownAttributesAreErrorsAtTheirPosition() {
        String hcl =
                """
                schema "a" {}
                table "t" {
                  schema = schema.a
                  column "id" {
                    type = int
                  }
                }
                trigger "tr" {
                  on = table.t
                  before {
                    insert = true
                  }
                  as    = "SET NEW.id = 1"
                  order = 1
                }
                """;
        assertThatThrownBy(() -> read(hcl))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:14:3: unsupported attribute \"order\" in trigger \"tr\"");
        assertThatThrownBy(() -> read(hcl.replace("order = 1", "when  = \"NEW.id > 0\"")))
                .hasMessage("schema.hcl:14:3: trigger \"tr\": mysql and mariadb triggers have no when");
        assertThatThrownBy(() -> read(hcl.replace("  order = 1\n", "").replace("table.t", "table.u")))
                .hasMessage("schema.hcl:9:8: trigger \"tr\": table \"u\" not found");
        assertThatThrownBy(() -> read(
                        "schema \"a\" {}\nfunction \"f\" {\n  schema = schema.a\n  return = int\n  as = \"RETURN 1\"\n"
                                + "  data_access = READS\n}\n"))
                .hasMessageStartingWith(
                        "schema.hcl:6:17: attribute \"data_access\" of function \"f\": expected one of");
    }

    // What follows are helpers.

    static String load(String sql) throws SQLException {
        String db = MariaServer.get().freshDatabase("objects");
        try (Connection c = MariaServer.get().connect(db);
                Statement s = c.createStatement()) {
            for (io.plumb.engine.migrate.Statement statement : StatementScanner.scan(sql, ScannerOptions.MYSQL)) {
                s.execute(statement.text());
            }
        }
        return db;
    }

    static String hcl(String db) throws SQLException {
        try (Connection c = MariaServer.get().connect(db)) {
            return DIALECT.spec().write(inspect(c, db));
        }
    }

    /** Returns the number of views, functions and procedures, triggers, and events of a schema. */
    static List<Integer> counts(String db) throws SQLException {
        try (Connection c = MariaServer.get().connect(db);
                Statement s = c.createStatement()) {
            List<Integer> counts = new java.util.ArrayList<>();
            for (String sql : List.of(
                    "SELECT count(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?",
                    "SELECT count(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
                    "SELECT count(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
                    "SELECT count(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?")) {
                try (var query = c.prepareStatement(sql)) {
                    query.setString(1, db);
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        counts.add(rows.getInt(1));
                    }
                }
            }
            return counts;
        }
    }

    private static List<String> order(String hcl) {
        return hcl.lines()
                .filter(l -> !l.startsWith(" ") && l.endsWith("{"))
                .map(l -> l.substring(0, l.length() - 2))
                .toList();
    }

    private static List<SchemaChange> diff(String from, String to) throws SQLException {
        try (Connection c = MariaServer.get().connect(from)) {
            return new Differ().diff(inspect(c, from), renamed(inspect(c, to), from), OPTIONS);
        }
    }

    private static List<String> statements(String from, String to) throws SQLException {
        return plan(diff(from, to)).changes().stream().map(PlannedChange::sql).toList();
    }

    private static List<String> comments(List<SchemaChange> changes) {
        return plan(changes).changes().stream().map(PlannedChange::comment).toList();
    }

    private static Plan plan(List<SchemaChange> changes) {
        return DIALECT.planner().plan(changes, PlanOptions.defaults());
    }

    private static Plan plan(Realm current, Realm desired) {
        return plan(new Differ().diff(current, desired, OPTIONS));
    }

    private static Plan plan(Realm current, Schema desired) {
        return plan(current, Realm.of(desired));
    }

    private static Realm renamed(Realm realm, String name) {
        return Realm.of(realm.schemas().get(0).renamed(name));
    }

    private static Realm read(String hcl) {
        return DIALECT.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }

    static Realm inspect(Connection c, String... schemas) throws SQLException {
        return DIALECT.inspector().inspect(c, new InspectOptions(List.of(schemas)));
    }

    static void execute(Connection c, Plan plan) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (PlannedChange change : plan.changes()) {
                try {
                    s.execute(change.sql());
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + "\nstatement: " + change.sql(), e);
                }
            }
        }
    }
}
