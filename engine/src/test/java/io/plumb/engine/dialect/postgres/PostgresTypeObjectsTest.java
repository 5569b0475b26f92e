package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Applies HCL with sequences, domains, composite types, extensions, policies, row security and partitions to a
 * PostgreSQL database, changes one thing at a time, and checks the statements planned for the change, that they
 * apply, and that nothing is planned afterwards or for the same object written differently.
 */
class PostgresTypeObjectsTest extends PostgresDatabaseTest {

    private static final String HEAD = "schema \"public\" {\n}\n";

    private List<String> apply(String hcl) throws SQLException {
        Realm desired = read(hcl);
        Plan plan = dialect.planner().plan(diff(desired), new PlanOptions(true, "  "));
        PlanExecutor.execute(connection, plan);
        assertThat(diff(desired)).as("a second plan").isEmpty();
        // The schema blocks here leave out the public schema's comment; its removal is not what is tested.
        return plan.changes().stream()
                .map(PlannedChange::sql)
                .filter(sql -> !sql.startsWith("COMMENT ON SCHEMA"))
                .toList();
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private void assertRoundTrip(String hcl) throws SQLException {
        apply(hcl);
        assertThat(dialect.spec().write(inspect())).isEqualTo(hcl);
    }

    @Test
    void sequenceRoundTripsAndAChangedOptionPlansOneAlter() throws SQLException {
        String hcl =
                """
                sequence "s" {
                  schema    = schema.public
                  type      = smallint
                  start     = 100
                  increment = 2
                  min_value = 10
                  max_value = 500
                  cache     = 5
                  cycle     = true
                  comment   = "numbers"
                }
                schema "public" {
                }
                """;
        assertRoundTrip(hcl);
        List<SchemaChange> changes = diff(read(hcl.replace("increment = 2", "increment = 3")));
        assertThat(changes).hasSize(1);
        assertThat(apply(hcl.replace("increment = 2", "increment = 3")))
                .containsExactly("ALTER SEQUENCE \"public\".\"s\" INCREMENT BY 3");
    }

    @Test
    void sequenceWrittenWithItsDefaultsPlansNothing() throws SQLException {
        apply("sequence \"s\" {\n  schema = schema.public\n}\n" + HEAD);
        String explicit = "sequence \"s\" {\n  schema = schema.public\n  type = int8\n  start = 1\n"
                + "  increment = 1\n  min_value = 1\n  max_value = 9223372036854775807\n  cache = 1\n"
                + "  cycle = false\n}\n" + HEAD;
        assertThat(diff(read(explicit))).isEmpty();
    }

    @Test
    void sequenceOwnedByAColumnIsCreatedBeforeTheTableAndOwnedAfterIt() throws SQLException {
        String hcl =
                """
                table "t" {
                  schema = schema.public
                  column "id" {
                    null    = false
                    type    = integer
                    default = sql("nextval('t_id_seq'::regclass)")
                  }
                }
                sequence "t_id_seq" {
                  schema = schema.public
                  owner  = table.t.column.id
                }
                schema "public" {
                }
                """;
        assertThat(apply(hcl))
                .containsExactly(
                        "CREATE SEQUENCE \"public\".\"t_id_seq\"",
                        "CREATE TABLE \"public\".\"t\" (\n  \"id\" integer NOT NULL DEFAULT"
                                + " nextval('t_id_seq'::regclass)\n)",
                        "ALTER SEQUENCE \"public\".\"t_id_seq\" OWNED BY \"public\".\"t\".\"id\"");
        assertThat(dialect.spec().write(inspect())).isEqualTo(hcl);
        // Dropping the table drops the sequence it owns; the plan must not fail on the sequence.
        apply(HEAD);
        assertThat(inspect().schemas().get(0).objects()).isEmpty();
    }

    @Test
    void nextvalDefaultsOfADumpApplyToAnEmptyDatabase() throws Exception {
        // As pg_dump writes them: bigint sequences behind integer columns, owned or not.
        execute("CREATE SEQUENCE public.customer_customer_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE"
                + " NO MAXVALUE CACHE 1;"
                + " CREATE TABLE public.customer (customer_id integer DEFAULT"
                + " nextval('public.customer_customer_id_seq'::regclass) NOT NULL);"
                + " ALTER SEQUENCE public.customer_customer_id_seq OWNED BY public.customer.customer_id;"
                + " CREATE SEQUENCE public.x_seq; CREATE TABLE public.x (id integer DEFAULT nextval('x_seq'));"
                + " CREATE TABLE public.s (id serial, big bigserial)");
        String hcl = dialect.spec().write(inspect());
        assertThat(hcl).contains("sequence \"x_seq\"", "sequence \"customer_customer_id_seq\"", "type = serial");
        assertThat(hcl).doesNotContain("sequence \"s_id_seq\"");
        try (Connection target = PostgresServer.newDatabase()) {
            Connection source = connection;
            connection = target;
            try {
                apply(hcl);
                assertThat(dialect.spec().write(inspect())).isEqualTo(hcl);
            } finally {
                connection = source;
            }
        }
    }

    @Test
    void domainsChangeInPlaceAndKeepTheirColumns() throws SQLException {
        String hcl =
                """
                table "t" {
                  schema = schema.public
                  column "v" {
                    null = true
                    type = domain.pos
                  }
                }
                domain "pos" {
                  schema  = schema.public
                  type    = integer
                  null    = true
                  default = 1
                  check "pos_check" {
                    expr = "VALUE > 0"
                  }
                }
                schema "public" {
                }
                """;
        assertRoundTrip(hcl);
        String changed = hcl.replace("default = 1", "default = 2").replace("VALUE > 0", "VALUE > 1");
        assertThat(apply(changed))
                .containsExactly(
                        "ALTER DOMAIN \"public\".\"pos\" SET DEFAULT 2",
                        "ALTER DOMAIN \"public\".\"pos\" DROP CONSTRAINT \"pos_check\"",
                        "ALTER DOMAIN \"public\".\"pos\" ADD CONSTRAINT \"pos_check\" CHECK (VALUE > 1)");
        // The same check written with other spacing and casing plans nothing.
        assertThat(diff(read(changed.replace("VALUE > 1", "value>1")))).isEmpty();
    }

    @Test
    void compositeTypesGainFieldsInPlace() throws SQLException {
        String hcl =
                """
                table "t" {
                  schema = schema.public
                  column "a" {
                    null = true
                    type = composite.pair
                  }
                }
                composite "pair" {
                  schema = schema.public
                  field "x" {
                    type = integer
                  }
                }
                schema "public" {
                }
                """;
        assertRoundTrip(hcl);
        String changed = hcl.replace(
                "    type = integer\n  }\n}", "    type = integer\n  }\n  field \"y\" {\n" + "    type = text\n  }\n}");
        assertThat(apply(changed)).containsExactly("ALTER TYPE \"public\".\"pair\" ADD ATTRIBUTE \"y\" text");
        assertThat(dialect.spec().write(inspect())).isEqualTo(changed);
    }

    @Test
    void policiesAndRowSecurity() throws SQLException {
        String hcl =
                """
                table "t" {
                  schema = schema.public
                  column "owner" {
                    null = false
                    type = text
                  }
                  row_security {
                    enabled = true
                  }
                }
                policy "mine" {
                  on    = table.t
                  for   = SELECT
                  to    = [PUBLIC]
                  using = "(owner = CURRENT_USER)"
                }
                schema "public" {
                }
                """;
        assertRoundTrip(hcl);
        String changed = hcl.replace("(owner = CURRENT_USER)", "(owner <> CURRENT_USER)")
                .replace("enabled = true\n", "enabled  = true\n    enforced = true\n");
        assertThat(apply(changed))
                .containsExactly(
                        "ALTER TABLE \"public\".\"t\" FORCE ROW LEVEL SECURITY",
                        "ALTER POLICY \"mine\" ON \"public\".\"t\" USING ((owner <> CURRENT_USER))");
        assertThat(apply(changed.replace("for   = SELECT", "for   = UPDATE")))
                .containsExactly(
                        "DROP POLICY \"mine\" ON \"public\".\"t\"",
                        "CREATE POLICY \"mine\" ON \"public\".\"t\" FOR UPDATE TO PUBLIC USING ((owner <>"
                                + " CURRENT_USER))");
    }

    @Test
    void extensionsAreCreatedFirstAndTheirObjectsAreTheirs() throws SQLException {
        String hcl =
                """
                table "t" {
                  schema = schema.public
                  column "name" {
                    null = true
                    type = sql("citext")
                  }
                }
                extension "citext" {
                  schema = schema.public
                }
                schema "public" {
                }
                """;
        List<String> plan = apply(hcl);
        assertThat(plan.get(0)).isEqualTo("CREATE EXTENSION IF NOT EXISTS \"citext\" SCHEMA \"public\"");
        Realm inspected = inspect();
        assertThat(inspected.unsupported()).isEmpty();
        assertThat(inspected.schemas().get(0).objects()).isEmpty();
        assertThat(dialect.spec().write(inspected))
                .contains("extension \"citext\" {\n  schema  = schema.public\n" + "  version = \"1.6\"\n");
        assertThat(apply(HEAD)).containsExactly("DROP TABLE \"public\".\"t\"", "DROP EXTENSION \"citext\"");
    }

    @Test
    void partitionsAreCreatedAfterTheirParentAndMoveByDetachAndAttach() throws SQLException {
        String hcl =
                """
                table "m" {
                  schema = schema.public
                  column "at" {
                    null = false
                    type = date
                  }
                  partition {
                    type    = RANGE
                    columns = [column.at]
                  }
                }
                table "m_2024" {
                  schema          = schema.public
                  partition_of    = table.m
                  partition_bound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
                  column "at" {
                    null = false
                    type = date
                  }
                }
                schema "public" {
                }
                """;
        assertRoundTrip(hcl);
        String moved = hcl.replace("TO ('2025-01-01')", "TO ('2024-07-01')");
        assertThat(apply(moved))
                .containsExactly(
                        "ALTER TABLE \"public\".\"m\" DETACH PARTITION \"public\".\"m_2024\"",
                        "ALTER TABLE \"public\".\"m\" ATTACH PARTITION \"public\".\"m_2024\" FOR VALUES FROM"
                                + " ('2024-01-01') TO ('2024-07-01')");
        // A new column of the parent is the partition's too: one statement, on the parent.
        String wider = moved.replace(
                        "    type = date\n  }\n  partition {",
                        "    type = date\n  }\n  column \"v\" {\n    null = true\n    type = integer\n  }\n"
                                + "  partition {")
                .replace(
                        "    type = date\n  }\n}\nschema",
                        "    type = date\n  }\n  column \"v\" {\n    null = true\n    type = integer\n  }\n}\nschema");
        assertThat(apply(wider)).containsExactly("ALTER TABLE \"public\".\"m\" ADD COLUMN \"v\" integer NULL");
        assertThat(apply(HEAD)).containsExactly("DROP TABLE \"public\".\"m_2024\"", "DROP TABLE \"public\".\"m\"");
    }

    @Test
    void partitionKeysWithExpressionsRoundTrip() throws SQLException {
        String hcl =
                """
                table "keyed" {
                  schema = schema.public
                  column "name" {
                    null = false
                    type = text
                  }
                  column "id" {
                    null = false
                    type = integer
                  }
                  partition {
                    type = RANGE
                    by {
                      expr = "lower(name)"
                    }
                    by {
                      column = column.id
                    }
                  }
                }
                schema "public" {
                }
                """;
        assertThat(apply(hcl))
                .containsExactly("CREATE TABLE \"public\".\"keyed\" (\n  \"name\" text NOT NULL,\n  \"id\" integer NOT"
                        + " NULL\n) PARTITION BY RANGE ((lower(name)), \"id\")");
        assertThat(dialect.spec().write(inspect())).isEqualTo(hcl);
    }

    @Test
    void inheritingTablesRoundTripAndTheirParentsColumnsChangeOnce() throws SQLException {
        String hcl =
                """
                table "base" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = bigint
                  }
                }
                table "child" {
                  schema   = schema.public
                  inherits = [table.base]
                  column "id" {
                    null = false
                    type = bigint
                  }
                  column "extra" {
                    null = true
                    type = text
                  }
                }
                schema "public" {
                }
                """;
        assertRoundTrip(hcl);
        String wider = hcl.replace(
                        "    type = bigint\n  }\n}\ntable \"child\"",
                        "    type = bigint\n  }\n  column \"v\" {\n    null = true\n    type = integer\n  }\n}\n"
                                + "table \"child\"")
                .replace(
                        "    type = text\n  }\n}\nschema",
                        "    type = text\n  }\n  column \"v\" {\n    null = true\n    type = integer\n  }\n}\nschema");
        assertThat(apply(wider)).containsExactly("ALTER TABLE \"public\".\"base\" ADD COLUMN \"v\" integer NULL");
        assertThat(dialect.spec().write(inspect())).isEqualTo(wider);
    }

    @Test
    void unsupportedObjectsAreCountedByKind() throws SQLException {
        execute("CREATE TABLE public.t (a integer);"
                + " CREATE RULE t_rule AS ON DELETE TO public.t DO INSTEAD NOTHING;"
                + " CREATE TYPE public.floatrange AS RANGE (subtype = float8);"
                + " CREATE COLLATION public.german (provider = libc, locale = 'C');"
                + " CREATE TEXT SEARCH CONFIGURATION public.simple_copy (COPY = pg_catalog.simple);"
                + " CREATE FUNCTION public.same(integer, integer) RETURNS boolean LANGUAGE sql"
                + " AS 'SELECT $1 = $2';"
                + " CREATE OPERATOR public.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.same);"
                + " CREATE FOREIGN DATA WRAPPER dummy; CREATE SERVER nowhere FOREIGN DATA WRAPPER dummy;"
                + " CREATE FOREIGN TABLE public.remote (a integer) SERVER nowhere;"
                + " CREATE STATISTICS public.t_stats ON a, (a + 1) FROM public.t;"
                + " CREATE UNLOGGED TABLE public.scratch (a integer);"
                + " CREATE TABLE public.d (id integer PRIMARY KEY, p integer UNIQUE DEFERRABLE,"
                + " FOREIGN KEY (p) REFERENCES public.d (id) DEFERRABLE INITIALLY DEFERRED)");
        assertThat(inspect().unsupported())
                .isEqualTo(Map.ofEntries(
                        Map.entry("rule", 1),
                        Map.entry("range type", 1),
                        Map.entry("collation", 1),
                        Map.entry("text search configuration", 1),
                        Map.entry("operator", 1),
                        Map.entry("foreign table", 1),
                        Map.entry("foreign server", 1),
                        Map.entry("foreign-data wrapper", 1),
                        Map.entry("statistics object", 1),
                        Map.entry("unlogged table", 1),
                        // The unique key of d is kept without its DEFERRABLE clause; its foreign key keeps its own.
                        Map.entry("DEFERRABLE clause", 1)));
        assertThat(inspect().unsupportedWarning()).isPresent();
    }
}
