package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The inspector reads a column of a user-defined range or multirange type, and the argument and result types of a
 * routine of a user-defined type, qualified from the catalogue ({@code "app"."floatrange"}), as it does enum,
 * domain and composite types: {@code format_type} qualifies them by the session's {@code search_path}, so one
 * connection read {@code floatrange} and another {@code app.floatrange}.
 */
class PostgresQualifiedTypesTest extends PostgresDatabaseTest {

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    // Inspects on a search_path holding the types' schema, then on one without it, and returns both.
    private List<Realm> inspectOnAndOffPath() throws SQLException {
        execute("SET search_path TO app, public");
        Realm on = inspect();
        execute("SET search_path TO public");
        return List.of(on, inspect());
    }

    @Test
    void aRangeColumnIsQualifiedWhateverTheSearchPath() throws SQLException {
        execute("CREATE SCHEMA app");
        execute("CREATE TYPE app.floatrange AS RANGE (subtype = float8)");
        execute("CREATE TABLE app.t (r app.floatrange, rs app.floatrange[], m app.floatmultirange, i int4range)");

        for (Realm realm : inspectOnAndOffPath()) {
            assertThat(realm.schema("app")
                            .orElseThrow()
                            .table("t")
                            .orElseThrow()
                            .columns())
                    .extracting(Column::name, c -> c.type().sql())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("r", "\"app\".\"floatrange\""),
                            org.assertj.core.groups.Tuple.tuple("rs", "\"app\".\"floatrange\"[]"),
                            org.assertj.core.groups.Tuple.tuple("m", "\"app\".\"floatmultirange\""),
                            org.assertj.core.groups.Tuple.tuple("i", "int4range"));
        }
    }

    @Test
    void routineArgumentsAndResultsOfUserTypesAreQualifiedWhateverTheSearchPath() throws SQLException {
        execute("CREATE SCHEMA app");
        execute("CREATE TYPE app.status AS ENUM ('a', 'b')");
        execute("CREATE TYPE app.floatrange AS RANGE (subtype = float8)");
        execute("CREATE FUNCTION app.f(s app.status, n integer, r app.floatrange, ss app.status[]) RETURNS app.status"
                + " LANGUAGE sql AS 'SELECT s'");
        execute("CREATE FUNCTION app.g() RETURNS SETOF app.status LANGUAGE sql AS 'SELECT ''a''::app.status'");
        execute("CREATE PROCEDURE app.p(s app.status) LANGUAGE sql AS 'SELECT 1'");

        for (Realm realm : inspectOnAndOffPath()) {
            Routine f = routine(realm, ObjectKind.FUNCTION, "f");
            assertThat(f.arguments())
                    .extracting(Argument::type)
                    .containsExactly("\"app\".\"status\"", "integer", "\"app\".\"floatrange\"", "\"app\".\"status\"[]");
            assertThat(f.signature())
                    .isEqualTo("\"app\".\"status\", integer, \"app\".\"floatrange\", \"app\".\"status\"[]");
            assertThat(f.returns()).isEqualTo(Optional.of("\"app\".\"status\""));
            assertThat(routine(realm, ObjectKind.FUNCTION, "g").returns())
                    .isEqualTo(Optional.of("SETOF \"app\".\"status\""));
            assertThat(routine(realm, ObjectKind.PROCEDURE, "p").signature()).isEqualTo("\"app\".\"status\"");
        }
    }

    @Test
    void aFunctionOfAnEnumDeclaredInHclMatchesTheDatabaseWhateverTheSearchPath() throws SQLException {
        String hcl =
                """
                schema "app" {}
                schema "public" {}
                enum "status" {
                  schema = schema.app
                  values = ["a", "b"]
                }
                function "f" {
                  schema = schema.app
                  lang   = SQL
                  arg "s" {
                    type = enum.status
                  }
                  return = enum.status
                  as     = "SELECT s"
                }
                """;
        execute("CREATE SCHEMA app");
        execute("CREATE TYPE app.status AS ENUM ('a', 'b')");
        execute("CREATE FUNCTION app.f(s app.status) RETURNS app.status LANGUAGE sql AS 'SELECT s'");

        execute("SET search_path TO app, public");
        assertThat(diff(read(hcl))).isEmpty();
        execute("SET search_path TO public");
        assertThat(diff(read(hcl))).isEmpty();
        assertThat(dialect.spec().write(inspect()))
                .contains("type = enum.status")
                .contains("return = enum.status");
    }

    private static Routine routine(Realm realm, ObjectKind kind, String name) {
        for (SchemaObject object : realm.schema("app").orElseThrow().objects()) {
            if (object.kind() == kind && object.name().equals(name) && object instanceof Routine routine) {
                return routine;
            }
        }
        throw new AssertionError("no " + kind + " " + name + " in " + realm);
    }
}
