package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans the changes between two HCL schemas, without a server, for both flavours. */
class MysqlPlannerTest {

    private static final String SCHEMA =
            """
            schema "DB" {
              charset = "utf8mb4"
              collate = "utf8mb4_general_ci"
            }
            """;

    // A new table is created with its schema's charset and collation spelled out (MysqlNormalizer.newTable).
    private static final String CREATED_IN_SCHEMA = " CHARSET utf8mb4 COLLATE utf8mb4_general_ci";

    private static final String T =
            """
            table "t" {
              schema = schema.DB
              column "id" {
                type = int
              }
            %s}
            """;

    @Test
    void aCheckThatIsNotEnforcedIsNotEnforcedOnMysql() {
        String to = SCHEMA
                + T.formatted(
                        """
                  check "c" {
                    expr     = "`id` > 0"
                    enforced = false
                  }
                """);
        assertThat(plan(MysqlFlavour.MYSQL, SCHEMA, to))
                .containsExactly("CREATE TABLE `t` (`id` int NOT NULL, CONSTRAINT `c` CHECK (`id` > 0) NOT ENFORCED)"
                        + CREATED_IN_SCHEMA);
    }

    @Test
    void turningEnforcementOffReplacesTheCheckOnMysql() {
        String from = SCHEMA
                + T.formatted(
                        """
                  check "c" {
                    expr = "`id` > 0"
                  }
                """);
        String to = from.replace("\"`id` > 0\"", "\"`id` > 0\"\n    enforced = false");
        assertThat(plan(MysqlFlavour.MYSQL, from, to))
                .containsExactly(
                        "ALTER TABLE `t` DROP CHECK `c`",
                        "ALTER TABLE `t` ADD CONSTRAINT `c` CHECK (`id` > 0) NOT ENFORCED");
        assertThat(plan(MysqlFlavour.MYSQL, from, from.replace("\"`id` > 0\"", "\"`id` > 0\"\n    enforced = true")))
                .isEmpty();
    }

    @Test
    void aCheckThatIsNotEnforcedIsAPlanErrorOnMariadb() {
        String to = SCHEMA
                + T.formatted(
                        """
                  check "c" {
                    expr     = "`id` > 0"
                    enforced = false
                  }
                """);
        assertThatThrownBy(() -> plan(MysqlFlavour.MARIADB, SCHEMA, to))
                .isInstanceOf(PlanException.class)
                .hasMessage("check \"c\" of table \"t\": enforced = false needs MySQL 8 (NOT ENFORCED), found mariadb,"
                        + " which enforces every check");
    }

    @Test
    void primaryKeyTypeIsAUsingClause() {
        String hashed = SCHEMA
                + T.formatted(
                        """
                  primary_key {
                    columns = [column.id]
                    type    = HASH
                  }
                """);
        assertThat(plan(MysqlFlavour.MARIADB, SCHEMA, hashed))
                .containsExactly(
                        "CREATE TABLE `t` (`id` int NOT NULL, PRIMARY KEY (`id`) USING HASH)" + CREATED_IN_SCHEMA);
        String memory = hashed.replace("schema = schema.DB", "schema = schema.DB\n  engine = MEMORY");
        assertThat(plan(MysqlFlavour.MARIADB, SCHEMA, memory))
                .as("HASH is a MEMORY table's own index type, so it goes without saying")
                .containsExactly(
                        "CREATE TABLE `t` (`id` int NOT NULL, PRIMARY KEY (`id`)) ENGINE MEMORY" + CREATED_IN_SCHEMA);
        assertThat(plan(MysqlFlavour.MARIADB, memory, memory.replace("HASH", "BTREE")))
                .containsExactly("ALTER TABLE `t` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`) USING BTREE");
    }

    @Test
    void aFulltextParserIsAWithParserClause() {
        String to = SCHEMA
                + T.formatted(
                        """
                  column "body" {
                    type = text
                  }
                  index "ft" {
                    columns = [column.body]
                    type    = FULLTEXT
                    parser  = ngram
                  }
                """);
        assertThat(plan(MysqlFlavour.MYSQL, SCHEMA, to))
                .containsExactly("CREATE TABLE `t` (`id` int NOT NULL, `body` text NOT NULL,"
                        + " FULLTEXT INDEX `ft` (`body`) WITH PARSER ngram)" + CREATED_IN_SCHEMA);
    }

    @Test
    void schemaCommentsAreMariadbOnly() {
        String commented = SCHEMA.replace("}", "  comment = \"the db\"\n}");
        assertThat(plan(MysqlFlavour.MARIADB, SCHEMA, commented))
                .containsExactly("ALTER DATABASE `DB` COMMENT 'the db'");
        assertThat(plan(MysqlFlavour.MARIADB, commented, SCHEMA)).containsExactly("ALTER DATABASE `DB` COMMENT ''");
        assertThatThrownBy(() -> plan(MysqlFlavour.MYSQL, SCHEMA, commented))
                .isInstanceOf(PlanException.class)
                .hasMessage("schema \"DB\": a comment needs MariaDB, found mysql, whose schemas have no comments");
    }

    @Test
    void tableAttributesChangeInAnAlterTable() {
        String from = SCHEMA + T.formatted("");
        String commented = from.replace("schema = schema.DB", "schema = schema.DB\n  comment = \"it's new\"");
        assertThat(plan(MysqlFlavour.MARIADB, from, commented)).containsExactly("ALTER TABLE `t` COMMENT 'it''s new'");
        assertThat(plan(MysqlFlavour.MARIADB, commented, from)).containsExactly("ALTER TABLE `t` COMMENT ''");
        String counted = from.replace("schema = schema.DB", "schema = schema.DB\n  auto_increment = 1000");
        assertThat(plan(MysqlFlavour.MARIADB, from, counted)).containsExactly("ALTER TABLE `t` AUTO_INCREMENT 1000");
    }

    @Test
    void aColumnCharsetOrCollationChangeIsAModifyColumn() {
        String from = SCHEMA
                + T.formatted(
                        """
                  column "name" {
                    type = varchar(10)
                  }
                """);
        String to = from.replace("varchar(10)", "varchar(10)\n    charset = \"latin1\"\n    collate = \"latin1_bin\"");
        assertThat(plan(MysqlFlavour.MARIADB, from, to))
                .containsExactly(
                        "ALTER TABLE `t` MODIFY COLUMN `name` varchar(10) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL");
        String collateOnly = from.replace("varchar(10)", "varchar(10)\n    collate = \"utf8mb4_bin\"");
        assertThat(plan(MysqlFlavour.MARIADB, from, collateOnly))
                .containsExactly("ALTER TABLE `t` MODIFY COLUMN `name` varchar(10) COLLATE utf8mb4_bin NOT NULL");
    }

    @Test
    void columnsIndexesAndForeignKeysAreAddedAndDroppedInPlace() {
        String parent =
                """
                table "p" {
                  schema = schema.DB
                  column "id" {
                    type = int
                  }
                  primary_key {
                    columns = [column.id]
                  }
                }
                """;
        String from = SCHEMA
                + parent
                + T.formatted(
                        """
                  column "gone" {
                    type = int
                  }
                  index "old" {
                    columns = [column.gone]
                  }
                  foreign_key "old_fk" {
                    columns     = [column.id]
                    ref_columns = [table.p.column.id]
                  }
                """);
        String to = SCHEMA
                + parent
                + T.formatted(
                        """
                  column "added" {
                    type    = int
                    null    = true
                    default = sql("(rand() * 10)")
                  }
                  index "new" {
                    unique  = true
                    columns = [column.added]
                  }
                  foreign_key "new_fk" {
                    columns     = [column.id]
                    ref_columns = [table.p.column.id]
                    on_delete   = CASCADE
                  }
                """);
        assertThat(plan(MysqlFlavour.MYSQL, from, to))
                .containsExactly(
                        "ALTER TABLE `t` DROP FOREIGN KEY `old_fk`",
                        "ALTER TABLE `t` DROP COLUMN `gone`, ADD COLUMN `added` int NULL DEFAULT (rand() * 10),"
                                + " DROP INDEX `old`, ADD UNIQUE INDEX `new` (`added`),"
                                + " ADD CONSTRAINT `new_fk` FOREIGN KEY (`id`) REFERENCES `p` (`id`)"
                                + " ON DELETE CASCADE");
    }

    private static final String FK_PARENT =
            """
            table "p" {
              schema = schema.DB
              column "id" {
                type = int
              }
              primary_key {
                columns = [column.id]
              }
            }
            """;

    @Test
    void aForeignKeyWritesTheActionsItNamesAndNoneForTheServerDefault() {
        String none = SCHEMA + FK_PARENT + T.formatted(fk(""));
        assertThat(plan(MysqlFlavour.MARIADB, SCHEMA + FK_PARENT, none))
                .contains("CREATE TABLE `t` (`id` int NOT NULL,"
                        + " CONSTRAINT `k` FOREIGN KEY (`id`) REFERENCES `p` (`id`))" + CREATED_IN_SCHEMA);
        // NO ACTION is stored and reported apart from the default RESTRICT, so a key naming it says so.
        String noAction = SCHEMA + FK_PARENT + T.formatted(fk("on_update = NO_ACTION\non_delete = CASCADE"));
        assertThat(plan(MysqlFlavour.MARIADB, SCHEMA + FK_PARENT, noAction))
                .contains("CREATE TABLE `t` (`id` int NOT NULL, CONSTRAINT `k` FOREIGN KEY (`id`) REFERENCES `p` (`id`)"
                        + " ON UPDATE NO ACTION ON DELETE CASCADE)" + CREATED_IN_SCHEMA);
        // ... and acts as RESTRICT: the two are one action, so neither changes the key.
        assertThat(plan(MysqlFlavour.MARIADB, none, SCHEMA + FK_PARENT + T.formatted(fk("on_update = NO_ACTION"))))
                .isEmpty();
        assertThat(plan(MysqlFlavour.MARIADB, none, SCHEMA + FK_PARENT + T.formatted(fk("on_delete = RESTRICT"))))
                .isEmpty();
        assertThat(plan(MysqlFlavour.MARIADB, none, noAction))
                .containsExactly(
                        "ALTER TABLE `t` DROP FOREIGN KEY `k`",
                        "ALTER TABLE `t` ADD CONSTRAINT `k` FOREIGN KEY (`id`) REFERENCES `p` (`id`)"
                                + " ON UPDATE NO ACTION ON DELETE CASCADE");
    }

    @Test
    void setNullOnANotNullColumnIsAPlanError() {
        String to = SCHEMA + FK_PARENT + T.formatted(fk("on_delete = SET_NULL"));
        assertThatThrownBy(() -> plan(MysqlFlavour.MARIADB, SCHEMA + FK_PARENT, to))
                .isInstanceOf(PlanException.class)
                .hasMessage("foreign key constraint was \"id\" SET NULL, but column \"id\" is NOT NULL");
    }

    private static String fk(String actions) {
        return """
                  foreign_key "k" {
                    columns     = [column.id]
                    ref_columns = [table.p.column.id]
                %s
                  }
                """
                .formatted(actions);
    }

    @Test
    void generatedColumnsAreWrittenWithTheirKind() {
        String to = SCHEMA
                + T.formatted(
                        """
                  column "twice" {
                    type = int
                    as   = "`id` * 2"
                  }
                  column "kept" {
                    type = int
                    as {
                      expr = "`id` + 1"
                      type = PERSISTENT
                    }
                  }
                """);
        assertThat(plan(MysqlFlavour.MARIADB, SCHEMA, to))
                .containsExactly("CREATE TABLE `t` (`id` int NOT NULL,"
                        + " `twice` int GENERATED ALWAYS AS (`id` * 2) VIRTUAL,"
                        + " `kept` int GENERATED ALWAYS AS (`id` + 1) STORED)" + CREATED_IN_SCHEMA);
    }

    @Test
    void generatedColumnChangesTheServerCannotMakeInPlaceArePlanErrors() {
        String plain = SCHEMA + T.formatted(column(""));
        String virtual = SCHEMA + T.formatted(column("as = \"`id` * 2\""));
        String stored = SCHEMA + T.formatted(column("as {\n  expr = \"`id` * 2\"\n  type = STORED\n}"));
        assertThatThrownBy(() -> plan(MysqlFlavour.MARIADB, virtual, plain))
                .isInstanceOf(PlanException.class)
                .hasMessage("changing VIRTUAL generated column \"x\" to non-generated column is not supported"
                        + " (drop and add is required)");
        assertThatThrownBy(() -> plan(MysqlFlavour.MYSQL, plain, virtual))
                .isInstanceOf(PlanException.class)
                .hasMessage("changing column \"x\" to VIRTUAL generated column is not supported"
                        + " (drop and add is required)");
        assertThatThrownBy(() -> plan(MysqlFlavour.MARIADB, stored, virtual))
                .isInstanceOf(PlanException.class)
                .hasMessage("changing the store type of generated column \"x\" from \"STORED\" to \"VIRTUAL\""
                        + " is not supported");
        // A STORED column becomes a plain one, and back, in place.
        assertThat(plan(MysqlFlavour.MARIADB, stored, plain))
                .containsExactly("ALTER TABLE `t` MODIFY COLUMN `x` int NOT NULL");
    }

    private static String column(String generated) {
        return """
                  column "x" {
                    type = int
                %s
                  }
                """
                .formatted(generated);
    }

    private static final String A_AND_B =
            """
            table "a" {
              schema = schema.DB
              column "id" {
                type = int
              }
              column "b_id" {
                type = int
              }
              primary_key {
                columns = [column.id]
              }
            %s}
            table "b" {
              schema = schema.DB
              column "id" {
                type = int
              }
              column "a_id" {
                type = int
              }
              primary_key {
                columns = [column.id]
              }
              foreign_key "b_a" {
                columns     = [column.a_id]
                ref_columns = [table.a.column.id]
              }
            }
            """;

    @Test
    void aReferencingTableIsDroppedBeforeTheTableItReferences() {
        String from = SCHEMA + A_AND_B.formatted("");
        assertThat(plan(MysqlFlavour.MARIADB, from, SCHEMA)).containsExactly("DROP TABLE `b`", "DROP TABLE `a`");
    }

    @Test
    void aTableIsDroppedAfterTheKeysOfKeptTablesThatReferenceItAreDropped() {
        String a =
                """
                table "a" {
                  schema = schema.DB
                  column "id" {
                    type = int
                  }
                  primary_key {
                    columns = [column.id]
                  }
                }
                """;
        String z = T.replace("\"t\"", "\"z\"");
        String from = SCHEMA
                + a
                + z.formatted(
                        """
                  foreign_key "z_a" {
                    columns     = [column.id]
                    ref_columns = [table.a.column.id]
                  }
                """);
        assertThat(plan(MysqlFlavour.MARIADB, from, SCHEMA + z.formatted("")))
                .containsExactly("ALTER TABLE `z` DROP FOREIGN KEY `z_a`", "DROP TABLE `a`");
    }

    @Test
    void tablesReferencingEachOtherLoseTheKeyThatClosesTheCycleFirst() {
        String from = SCHEMA
                + A_AND_B.formatted(
                        """
                  foreign_key "a_b" {
                    columns     = [column.b_id]
                    ref_columns = [table.b.column.id]
                  }
                """);
        assertThat(plan(MysqlFlavour.MYSQL, from, SCHEMA))
                .containsExactly("ALTER TABLE `b` DROP FOREIGN KEY `b_a`", "DROP TABLE `a`", "DROP TABLE `b`");
    }

    @Test
    void aTableReferencingItselfIsDroppedWithoutDroppingItsKey() {
        String from = SCHEMA
                + T.formatted(
                        """
                  primary_key {
                    columns = [column.id]
                  }
                  foreign_key "self" {
                    columns     = [column.id]
                    ref_columns = [table.t.column.id]
                  }
                """);
        assertThat(plan(MysqlFlavour.MARIADB, from, SCHEMA)).containsExactly("DROP TABLE `t`");
    }

    @Test
    void anAbsentCharsetOrCollationInheritsTheCurrentOne() {
        MysqlNormalizer normalizer = new MysqlNormalizer();
        Map<String, String> current = Map.of("charset", "latin1", "collate", "latin1_swedish_ci", "unsigned", "true");
        assertThat(normalizer.sameOptions(current, Map.of("unsigned", "true"))).isTrue();
        assertThat(normalizer.sameOptions(current, Map.of("unsigned", "true", "charset", "latin1")))
                .isTrue();
        assertThat(normalizer.sameOptions(current, Map.of("unsigned", "true", "charset", "utf8mb4")))
                .isFalse();
        assertThat(normalizer.sameOptions(current, Map.of("unsigned", "true", "collate", "latin1_bin")))
                .isFalse();
        assertThat(normalizer.sameOptions(current, Map.of())).isFalse();
        assertThat(normalizer.sameOptions(Map.of(), Map.of("charset", "latin1")))
                .isFalse();
    }

    @Test
    void aSchemaFileWithoutCharsetsPlansNothingAgainstAnInspectedLatin1Schema() {
        String current =
                """
                schema "DB" {
                  charset = "latin1"
                  collate = "latin1_swedish_ci"
                }
                table "t" {
                  schema  = schema.DB
                  charset = "latin1"
                  collate = "latin1_swedish_ci"
                  column "name" {
                    type    = varchar(10)
                    charset = "latin1"
                    collate = "latin1_swedish_ci"
                  }
                }
                """;
        String desired = current.replaceAll("\\n *(charset|collate) *= *\"[a-z0-9_]+\"", "");
        assertThat(desired).doesNotContain("latin1");
        assertThat(plan(MysqlFlavour.MARIADB, current, desired)).isEmpty();
        assertThat(plan(MysqlFlavour.MARIADB, current, desired.replace("varchar(10)", "varchar(20)")))
                .containsExactly("ALTER TABLE `t` MODIFY COLUMN `name` varchar(20) NOT NULL");
    }

    private static List<String> plan(MysqlFlavour flavour, String from, String to) {
        MysqlDialect dialect = new MysqlDialect(flavour);
        List<SchemaChange> changes =
                new Differ().diff(read(dialect, from), read(dialect, to), DiffOptions.of(dialect.normalizer()));
        return dialect.planner().plan(changes, PlanOptions.defaults()).changes().stream()
                .map(PlannedChange::sql)
                .toList();
    }

    private static Realm read(MysqlDialect dialect, String hcl) {
        return dialect.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }
}
