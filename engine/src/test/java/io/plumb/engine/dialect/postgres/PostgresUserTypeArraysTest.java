package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Table;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An array of an enum, domain or composite type is kept as its quoted, qualified element with one pair of brackets
 * ({@code "app"."status"[]}) by the inspector on any {@code search_path}, by the HCL reader whatever the HCL spells
 * ({@code status[]}, {@code app.status[][]}, {@code status ARRAY}), and written back bare when it is of the table's
 * schema, qualified when of another; the diff of a database and its HCL is empty, and a changed element is planned qualified.
 */
class PostgresUserTypeArraysTest extends PostgresDatabaseTest {

    private static final String TYPES =
            """
            CREATE SCHEMA app;
            CREATE SCHEMA other;
            CREATE TYPE app.status AS ENUM ('a', 'b');
            CREATE DOMAIN app.posint AS integer CHECK (VALUE > 0);
            CREATE TYPE app.pair AS (l integer, r text);
            CREATE TYPE other.mood AS ENUM ('x', 'y');
            """;

    private static final String HCL =
            """
            schema "app" {}
            schema "other" {}
            schema "public" {}
            enum "status" {
              schema = schema.app
              values = ["a", "b"]
            }
            domain "posint" {
              schema = schema.app
              type   = integer
              check "posint_check" {
                expr = "(VALUE > 0)"
              }
            }
            composite "pair" {
              schema = schema.app
              field "l" {
                type = integer
              }
              field "r" {
                type = text
              }
            }
            enum "mood" {
              schema = schema.other
              values = ["x", "y"]
            }
            table "t" {
              schema = schema.app
              column "s" {
                type = sql("%s")
              }
              column "d" {
                type = sql("%s")
              }
              column "c" {
                type = sql("%s")
              }
              column "m" {
                type = sql("%s")
              }
            }
            """;

    private static final List<String> QUALIFIED =
            List.of("\"app\".\"status\"[]", "\"app\".\"posint\"[]", "\"app\".\"pair\"[]", "\"other\".\"mood\"[]");

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> types(Realm realm) {
        Table t = realm.schema("app").orElseThrow().table("t").orElseThrow();
        return t.columns().stream().map(Column::type).map(ColumnType::sql).toList();
    }

    @Test
    void theInspectorQualifiesTheElementWhateverTheSearchPath() throws SQLException {
        execute(TYPES);
        execute("CREATE TABLE app.t (s app.status[], d app.posint[][], c app.pair[3], m other.mood ARRAY)");

        execute("SET search_path TO app, other, public");
        List<String> onPath = types(inspect());
        execute("SET search_path TO public");
        List<String> offPath = types(inspect());

        assertThat(onPath).containsExactlyElementsOf(QUALIFIED);
        assertThat(offPath).containsExactlyElementsOf(QUALIFIED);
        Table t = inspect().schema("app").orElseThrow().table("t").orElseThrow();
        assertThat(t.columns()).allMatch(c -> c.type() instanceof ColumnType.Raw);
    }

    @Test
    void theHclReaderQualifiesEverySpellingAndTheWriterQualifiesOnlyAnotherSchemasElement() {
        Realm realm = read(HCL.formatted("status[]", "app.posint[][]", "\\\"pair\\\" ARRAY", "other.mood[4]"));

        assertThat(types(realm)).containsExactlyElementsOf(QUALIFIED);
        String written = dialect.spec().write(realm);
        assertThat(written)
                .contains("type = sql(\"status[]\")")
                .contains("type = sql(\"posint[]\")")
                .contains("type = sql(\"pair[]\")")
                .contains("type = sql(\"other.mood[]\")");
        assertThat(types(read(written))).containsExactlyElementsOf(QUALIFIED);
    }

    @Test
    void aTypeOfTheSameNameInTwoSchemasIsWrittenQualifiedWhenTheBareNameReadsAnother() {
        Realm realm = read(HCL.formatted("status[]", "posint[]", "pair[]", "other.status[]")
                .replace("""
                        enum "mood" {""", """
                        enum "status" {"""));

        assertThat(types(realm).get(3)).isEqualTo("\"other\".\"status\"[]");
        assertThat(dialect.spec().write(realm)).contains("type = sql(\"other.status[]\")");
    }

    @Test
    void theDiffOfTheDatabaseAndItsHclIsEmptyAndAChangedElementIsPlannedQualified() throws SQLException {
        String hcl = HCL.formatted("status[]", "posint[]", "pair[]", "mood[]");
        PlanExecutor.execute(connection, dialect.planner().plan(diff(read(hcl)), new PlanOptions(true, "")));

        execute("SET search_path TO app, other, public");
        assertThat(diff(read(hcl))).isEmpty();
        execute("SET search_path TO public");
        assertThat(diff(read(hcl))).isEmpty();

        String changed = HCL.formatted("other.mood[]", "pair[]", "pair[]", "mood[]");
        assertThat(dialect.planner()
                        .plan(diff(read(changed)), new PlanOptions(true, ""))
                        .changes())
                .extracting(PlannedChange::sql)
                .containsExactly("ALTER TABLE \"app\".\"t\" ALTER COLUMN \"s\" TYPE \"other\".\"mood\"[],"
                        + " ALTER COLUMN \"d\" TYPE \"app\".\"pair\"[]");
    }
}
