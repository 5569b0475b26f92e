package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaObject;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's object blocks in HCL: the inspected layout and order (applied to an empty database, inspected back
 * the same, and planning nothing more), overloads as blocks with the same label, and strict reading.
 */
class PostgresObjectsSpecTest extends PostgresDatabaseTest {

    // Objects after tables and enums, kind by kind (view, materialized, function, procedure, aggregate, trigger,
    // event_trigger), then the schemas; overloads are two function blocks with the same label.
    private static final String HCL =
            """
            table "accounts" {
              schema = schema.public
              column "id" {
                null = false
                type = integer
              }
              column "balance" {
                null = false
                type = integer
              }
              primary_key {
                columns = [column.id]
              }
              check "balance_positive" {
                expr = "positive(balance)"
              }
            }
            view "rich" {
              schema  = schema.public
              comment = "above 100"
              column "id" {
                null = true
                type = integer
              }
              as           = <<-SQL
              SELECT id
                 FROM accounts
                WHERE balance > 100
              SQL
              check_option = LOCAL
              depends_on   = [table.accounts]
            }
            materialized "totals" {
              schema = schema.public
              column "total" {
                null = true
                type = bigint
              }
              as         = <<-SQL
              SELECT sum(balance) AS total
                 FROM accounts
              SQL
              depends_on = [table.accounts]
              index "totals_total" {
                unique  = true
                columns = [column.total]
              }
            }
            function "add" {
              schema = schema.public
              lang   = SQL
              arg "a" {
                type = integer
              }
              arg "b" {
                type    = integer
                default = "1"
              }
              return     = integer
              as         = "SELECT a + b"
              volatility = IMMUTABLE
              strict     = true
            }
            function "add" {
              schema = schema.public
              lang   = SQL
              arg "a" {
                type = text
              }
              return = text
              as     = "SELECT a || 'x'"
            }
            function "audit" {
              schema = schema.public
              lang   = PLpgSQL
              return = trigger
              as     = <<-SQL
              BEGIN
                RETURN NEW;
              END;
              SQL
            }
            function "no_ddl" {
              schema = schema.public
              lang   = PLpgSQL
              return = event_trigger
              as     = "BEGIN END"
            }
            function "positive" {
              schema = schema.public
              lang   = SQL
              arg "v" {
                type = integer
              }
              return     = boolean
              as         = "SELECT v > 0"
              volatility = IMMUTABLE
              comment    = "above zero"
            }
            procedure "reset" {
              schema = schema.public
              lang   = SQL
              arg "id" {
                type = integer
              }
              as = "UPDATE accounts SET balance = 1 WHERE accounts.id = reset.id"
            }
            aggregate "total_of" {
              schema = schema.public
              arg {
                type = integer
              }
              state_type = integer
              state_func = function.add
            }
            trigger "accounts_audit" {
              on = table.accounts
              before {
                insert    = true
                update_of = [table.accounts.column.balance]
              }
              for  = ROW
              when = "new.balance > 5"
              execute {
                function = function.audit
                args     = ["a", "it's"]
              }
              comment = "audits"
            }
            event_trigger "log_ddl" {
              on      = ddl_command_start
              tags    = ["CREATE TABLE"]
              execute = function.public.no_ddl
              enabled = DISABLED
            }
            schema "public" {
            }
            """;

    @Test
    void inspectedLayoutAppliesAndInspectsBackTheSame() throws SQLException {
        Realm desired = read(HCL);
        PlanExecutor.execute(connection, dialect.planner().plan(diff(desired), new PlanOptions(true, "  ")));
        assertThat(dialect.spec().write(inspect())).isEqualTo(HCL);
        assertThat(diff(desired)).isEmpty();
    }

    @Test
    void overloadsAreDistinctObjectsByArgumentTypes() {
        Realm realm = read(HCL);
        assertThat(realm.schemas().get(0).objects().stream()
                        .filter(o -> o.kind() == ObjectKind.FUNCTION && o.name().equals("add"))
                        .map(SchemaObject::identity))
                .containsExactly("add(integer, integer)", "add(text)");
    }

    @Test
    void signaturesUseCanonicalTypeNamesWithoutModifiers() {
        Realm realm = read(
                """
                schema "public" {}
                function "f" {
                  schema = schema.public
                  lang   = SQL
                  arg "a" {
                    type = int
                  }
                  arg "b" {
                    type = varchar(10)
                  }
                  arg "c" {
                    type = int
                    mode = OUT
                  }
                  return = sql("record")
                  as     = "SELECT a"
                }
                """);
        assertThat(realm.schemas().get(0).objects().get(0).identity()).isEqualTo("f(integer, character varying)");
    }

    @Test
    void anOverloadDeclaredTwiceIsAnError() {
        String twice =
                """
                schema "public" {}
                function "f" {
                  schema = schema.public
                  lang   = SQL
                  arg "a" {
                    type = integer
                  }
                  return = integer
                  as     = "SELECT a"
                }
                function "f" {
                  schema = schema.public
                  lang   = SQL
                  arg "b" {
                    type = integer
                  }
                  return = integer
                  as     = "SELECT b"
                }
                """;
        assertThatThrownBy(() -> read(twice))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:11:1: function \"f\"(integer): declared twice in schema \"public\"");
    }

    @Test
    void unknownAttributesAndBlocksAreErrorsAtTheirPosition() {
        assertThatThrownBy(
                        () -> read(
                                """
                        schema "public" {}
                        function "f" {
                          schema   = schema.public
                          language = SQL
                        }
                        """))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:4:3: unsupported attribute \"language\" in function \"f\"");
        assertThatThrownBy(
                        () -> read(
                                """
                        schema "public" {}
                        table "t" {
                          schema = schema.public
                          column "id" {
                            type = integer
                          }
                        }
                        trigger "x" {
                          on = table.t
                          after {
                            insert = true
                            upsert = true
                          }
                          execute {
                            function = function.f
                          }
                        }
                        """))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:12:5: unsupported attribute \"upsert\" in after block of trigger \"x\"");
    }

    @Test
    void unsupportedObjectsAreCounted() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE t (id integer); CREATE RULE r AS ON INSERT TO t DO ALSO NOTIFY t;"
                    + " CREATE FUNCTION w(integer) RETURNS integer LANGUAGE internal WINDOW AS 'window_row_number';"
                    + " CREATE AGGREGATE pct(float8 ORDER BY float8) (SFUNC = ordered_set_transition,"
                    + " STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);");
        }
        assertThat(inspect().unsupported())
                .containsEntry("rule", 1)
                .containsEntry("window function", 1)
                .containsEntry("special aggregate", 1);
    }
}
