package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Applies HCL schemas to a fresh PostgreSQL database (planned from what is there), inspects it back, and checks that
 * the inspection prints the same HCL and that applying again plans nothing: one test per family of constructs.
 */
class PostgresRoundTripTest extends PostgresDatabaseTest {

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
        assertRoundTrip(
                """
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

    private static final String INDEXES =
            """
            table "items" {
              schema = schema.public
              column "id" {
                null = false
                type = integer
              }
              column "name" {
                null = false
                type = text
              }
              column "score" {
                null = true
                type = integer
              }
              column "active" {
                null = false
                type = boolean
              }
              primary_key {
                columns = [column.id]
              }
              index "items_active" {
                columns = [column.score]
                where   = "active"
              }
              index "items_hash" {
                columns = [column.name]
                type    = HASH
              }
              index "items_lower" {
                on {
                  expr = "lower(name)"
                }
                on {
                  desc   = true
                  column = column.score
                }
              }
              index "items_name" {
                unique         = true
                columns        = [column.name]
                comment        = "unique names"
                nulls_distinct = false
              }
            }
            schema "public" {
            }
            """;

    @Test
    void indexesUniquePartialHashExpressionDescendingAndCommented() throws SQLException {
        assertRoundTrip(INDEXES);
    }

    // "members" sorts before "teams", which it references: the planner must create "teams" first.
    private static final String KEYS =
            """
            table "members" {
              schema = schema.public
              column "id" {
                null = false
                type = integer
              }
              column "team_id" {
                null = true
                type = integer
              }
              column "manager_id" {
                null = true
                type = integer
              }
              column "name" {
                null = false
                type = text
              }
              primary_key {
                columns = [column.id]
              }
              foreign_key "members_manager_fk" {
                columns     = [column.manager_id]
                ref_columns = [column.id]
                on_update   = NO_ACTION
                on_delete   = SET_NULL
              }
              foreign_key "members_team_fk" {
                columns     = [column.team_id]
                ref_columns = [table.teams.column.id]
                on_update   = CASCADE
                on_delete   = CASCADE
              }
              check "members_name_check" {
                expr = "(length(name) > 0)"
              }
            }
            table "teams" {
              schema = schema.public
              column "id" {
                null = false
                type = integer
              }
              primary_key {
                columns = [column.id]
              }
            }
            schema "public" {
            }
            """;

    @Test
    void foreignKeysWithActionsAndChecks() throws SQLException {
        assertRoundTrip(KEYS);
    }

    @Test
    void schemasSerialTypesNamedKeysAndCrossSchemaReferences() throws SQLException {
        assertRoundTrip(
                """
                table "events" {
                  schema = schema.app
                  column "id" {
                    null = false
                    type = bigserial
                  }
                  column "user_id" {
                    null = false
                    type = serial
                  }
                  primary_key {
                    columns = [column.id]
                  }
                  foreign_key "events_user_fk" {
                    columns     = [column.user_id]
                    ref_columns = [table.users.column.id]
                    on_update   = NO_ACTION
                    on_delete   = RESTRICT
                  }
                }
                table "users" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = integer
                  }
                  primary_key "users_key" {
                    columns = [column.id]
                  }
                }
                schema "app" {
                  comment = "application"
                }
                schema "public" {
                }
                """);
    }

    @Test
    void columnsIndexesChecksAndCommentsChangeInPlace() throws SQLException {
        apply(
                read(
                        """
                table "t" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = integer
                  }
                  column "a" {
                    null    = true
                    type    = integer
                    default = 1
                  }
                  column "b" {
                    null = true
                    type = text
                  }
                  column "c" {
                    null = false
                    type = character_varying(10)
                  }
                  primary_key {
                    columns = [column.id]
                  }
                  index "t_b" {
                    columns = [column.b]
                  }
                  check "t_a_check" {
                    expr = "(a > 0)"
                  }
                }
                schema "public" {
                }
                """));
        assertRoundTrip(
                """
                table "t" {
                  schema  = schema.public
                  comment = "changed"
                  column "id" {
                    null = false
                    type = integer
                  }
                  column "a" {
                    null    = false
                    type    = bigint
                    default = 2
                  }
                  column "c" {
                    null    = true
                    type    = character_varying(20)
                    comment = "c"
                  }
                  column "d" {
                    null    = true
                    type    = text
                    default = "x"
                  }
                  primary_key {
                    columns = [column.id]
                  }
                  index "t_c" {
                    unique  = true
                    columns = [column.c]
                  }
                  check "t_a_check" {
                    expr = "(a > 1)"
                  }
                }
                schema "public" {
                }
                """);
    }

    private static String keys(String primaryKey, String unique) {
        return """
                table "t" {
                  schema = schema.public
                  column "id" {
                    null = false
                    type = integer
                  }
                  column "c" {
                    null = true
                    type = integer
                  }
                  primary_key {
                    columns = [column.id]
                %s  }
                  unique "t_c" {
                    columns = [column.c]
                %s  }
                }
                schema "public" {
                }
                """
                .formatted(primaryKey, unique);
    }

    @Test
    void keyOptionsRoundTripAndAChangeDropsAndAddsTheConstraint() throws SQLException {
        String covering = keys(
                        "    include = [column.c]\n", "    nulls_distinct = false\n    include        = [column.id]\n")
                .replace(
                        "    columns = [column.c]\n    nulls_distinct",
                        "    columns        = [column.c]\n    nulls_distinct");
        assertRoundTrip(covering);
        try (var st = connection.createStatement();
                var rs = st.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE conrelid = 't'::regclass ORDER BY conname")) {
            List<String> definitions = new java.util.ArrayList<>();
            while (rs.next()) {
                definitions.add(rs.getString(1));
            }
            assertThat(definitions)
                    .containsExactly("UNIQUE NULLS NOT DISTINCT (c) INCLUDE (id)", "PRIMARY KEY (id) INCLUDE (c)");
        }
        String plain = keys("", "");
        assertThat(dialect.planner()
                        .plan(diff(read(plain)), new PlanOptions(true, ""))
                        .changes())
                .extracting(c -> c.sql())
                .containsExactly("ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_pkey\","
                        + " ADD PRIMARY KEY (\"id\"), DROP CONSTRAINT \"t_c\", ADD CONSTRAINT \"t_c\" UNIQUE (\"c\")");
        assertRoundTrip(plain);
    }

    private static String commentedUnique(String comment) {
        return """
                table "o" {
                  schema = schema.public
                  column "c" {
                    null = true
                    type = integer
                  }
                  foreign_key "o_c" {
                    columns     = [column.c]
                    ref_columns = [table.t.column.c]
                    on_update   = NO_ACTION
                    on_delete   = NO_ACTION
                  }
                }
                table "t" {
                  schema = schema.public
                  column "c" {
                    null = true
                    type = integer
                  }
                  unique "t_c" {
                    columns = [column.c]
                %s  }
                }
                schema "public" {
                }
                """
                .formatted(comment);
    }

    @Test
    void theCommentOfAUniqueConstraintRoundTripsAndChangesWithoutDroppingTheConstraint() throws SQLException {
        assertRoundTrip(commentedUnique("    comment = \"one c\"\n"));
        try (var st = connection.createStatement();
                var rs = st.executeQuery("SELECT obj_description('t_c'::regclass, 'pg_class')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("one c");
        }
        // The foreign key of "o" depends on the constraint, which could not be dropped without it: a new comment is
        // set alone.
        assertThat(dialect.planner()
                        .plan(diff(read(commentedUnique("    comment = \"c once\"\n"))), new PlanOptions(true, ""))
                        .changes())
                .extracting(c -> c.sql())
                .containsExactly("COMMENT ON INDEX \"public\".\"t_c\" IS 'c once'");
        assertRoundTrip(commentedUnique("    comment = \"c once\"\n"));
        assertRoundTrip(commentedUnique(""));
    }

    @Test
    void droppedTablesGoBeforeTheTablesTheyReference() throws SQLException {
        apply(read(KEYS));
        assertRoundTrip("""
                schema "public" {
                }
                """);
    }

    @Test
    void inspectionOfNamedSchemasLeavesTheOthersOut() throws SQLException {
        apply(read(INDEXES));
        try (var st = connection.createStatement()) {
            st.execute("CREATE SCHEMA other");
            st.execute("CREATE TABLE other.x (id int)");
        }
        Realm realm = dialect.inspector().inspect(connection, new InspectOptions(List.of("other")));
        assertThat(realm.schemas()).extracting(s -> s.name()).containsExactly("other");
        assertThat(realm.schemas().get(0).tables()).extracting(t -> t.name()).containsExactly("x");
    }
}
