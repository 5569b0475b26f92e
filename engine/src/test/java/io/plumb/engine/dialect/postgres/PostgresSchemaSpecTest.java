package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.plumb.engine.dialect.sqlite.SqliteDialect;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks how the PostgreSQL HCL spec reads identity, unique, include and enum blocks, and its errors for them. */
class PostgresSchemaSpecTest {

    private static Realm read(String body) {
        String hcl = "schema \"public\" {\n}\n" + body;
        return new PostgresSchemaSpec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }

    private static Column column(Realm realm, String name) {
        return realm.schemas().get(0).tables().get(0).column(name).orElseThrow();
    }

    @Test
    void identityBlockIsKeptAsColumnOptions() {
        Realm realm = read(
                """
                table "t" {
                  schema = schema.public
                  column "id" {
                    type = int
                    identity {
                      generated = "by default"
                      increment = 2
                    }
                  }
                }
                """);
        assertThat(column(realm, "id").options())
                .isEqualTo(Map.of("identity", "BY_DEFAULT", "identity_increment", "2"));
    }

    @Test
    void enumColumnsHaveTheEnumsQualifiedNameAsType() {
        Realm realm = read(
                """
                enum "mood" {
                  schema = schema.public
                  values = ["ok", "sad"]
                }
                table "t" {
                  schema = schema.public
                  column "m" {
                    type = enum.mood
                  }
                }
                """);
        assertThat(column(realm, "m").type()).isEqualTo(new ColumnType.Raw("\"public\".\"mood\""));
        assertThat(realm.schemas().get(0).options()).isEqualTo(Map.of("enum.mood", "'ok', 'sad'"));
    }

    @Test
    void unknownEnumIsAnErrorAtTheType() {
        assertThatThrownBy(() -> read("table \"t\" {\n  schema = schema.public\n  column \"m\" {\n"
                        + "    type = enum.nope\n  }\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:6:12: column \"m\" of table \"t\": enum \"nope\" not found");
    }

    @Test
    void enumErrorsNameTheEnum() {
        assertThatThrownBy(() -> read("enum \"e\" {\n  values = [\"a\"]\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:3:1: enum \"e\": missing schema");
        assertThatThrownBy(() -> read("enum \"e\" {\n  schema = schema.public\n  values = [\"a\", \"a\"]\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("enum \"e\": expected distinct values, found [a, a]");
        assertThatThrownBy(() -> read("enum \"e\" {\n  schema = schema.other\n  values = [\"a\"]\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("enum \"e\": schema \"other\" not found");
    }

    @Test
    void includeMustListColumnsOfTheTable() {
        assertThatThrownBy(
                        () -> read(
                                """
                        table "t" {
                          schema = schema.public
                          column "a" {
                            type = int
                          }
                          index "i" {
                            columns = [column.a]
                            include = [column.b]
                          }
                        }
                        """))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("column \"b\" not found in table \"t\"");
    }

    @Test
    void uniqueConstraintAndPrimaryKeyKeepTheirOptionsAndWriteThemBack() {
        String body =
                """
                table "t" {
                  schema = schema.public
                  column "a" {
                    null = false
                    type = integer
                  }
                  column "b" {
                    null = true
                    type = integer
                  }
                  primary_key {
                    columns = [column.a]
                    include = [column.b]
                  }
                  unique "u" {
                    columns        = [column.b]
                    nulls_distinct = false
                    include        = [column.a]
                  }
                  unique "v" {
                    columns        = [column.a]
                    nulls_distinct = true
                  }
                }
                """;
        Realm realm = read(body);
        Table table = realm.schemas().get(0).tables().get(0);
        assertThat(table.primaryKey().orElseThrow().options()).isEqualTo(Map.of("include", "b"));
        assertThat(table.indexes())
                .extracting(Index::name, Index::options)
                .containsExactly(
                        tuple("u", Map.of("unique_constraint", "true", "nulls_distinct", "false", "include", "a")),
                        // nulls_distinct = true is the default, which inspection leaves out.
                        tuple("v", Map.of("unique_constraint", "true")));
        String written = new PostgresSchemaSpec().write(realm);
        assertThat(written)
                .contains(
                        """
                          primary_key {
                            columns = [column.a]
                            include = [column.b]
                          }
                        """)
                .contains(
                        """
                          unique "u" {
                            columns        = [column.b]
                            nulls_distinct = false
                            include        = [column.a]
                          }
                          unique "v" {
                            columns = [column.a]
                          }
                        """);
        assertThat(new PostgresSchemaSpec()
                        .read(HclEvaluator.evaluate(
                                List.of(Hcl.parse("written.hcl", written)), EvalOptions.defaults())))
                .isEqualTo(realm);
    }

    @Test
    void keyIncludeMustListColumnsOfTheTable() {
        String table = "table \"t\" {\n  schema = schema.public\n  column \"a\" {\n    type = int\n  }\n";
        assertThatThrownBy(() -> read(
                        table + "  primary_key {\n    columns = [column.a]\n    include = [column.x]\n" + "  }\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:10:15: primary key of table \"t\": column \"x\" not found in table \"t\"");
        assertThatThrownBy(() ->
                        read(table + "  unique \"u\" {\n    columns = [column.a]\n    include = []\n" + "  }\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:10:15: attribute \"include\" of unique constraint \"u\" of table \"t\":"
                        + " expected at least one column reference");
        assertThatThrownBy(() -> read(
                        table + "  unique \"u\" {\n    columns = [column.a]\n    where = \"a > 0\"\n" + "  }\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:10:13: attribute \"where\" of unique constraint \"u\" of table \"t\": a UNIQUE"
                        + " constraint cannot be partial; a unique index (an index block with unique = true) can have"
                        + " a where predicate");
    }

    @Test
    void uniqueConstraintTakesACommentAndTheBtreeTypeAndWritesBackTheComment() {
        Realm realm = read(
                """
                table "t" {
                  schema = schema.public
                  column "a" {
                    type = int
                  }
                  unique "u" {
                    columns = [column.a]
                    comment = "one a"
                    type    = btree
                  }
                }
                """);
        Index index = realm.schemas().get(0).tables().get(0).indexes().get(0);
        // BTREE is the method of every UNIQUE constraint: inspection leaves it out, so the model does too.
        assertThat(index.options()).isEqualTo(Map.of("unique_constraint", "true"));
        assertThat(index.comment()).contains("one a");
        assertThat(index.where()).isEmpty();
        assertThat(new PostgresSchemaSpec().write(realm))
                .contains(
                        """
                          unique "u" {
                            columns = [column.a]
                            comment = "one a"
                          }
                        """);
    }

    private static String uniqueOrIndex(String block) {
        return "table \"t\" {\n  schema = schema.public\n  column \"a\" {\n    type = int\n  }\n" + block + "}\n";
    }

    @Test
    void whatAUniqueConstraintCannotBeIsRefusedAtTheAttributeOrPart() {
        assertThatThrownBy(
                        () -> read(uniqueOrIndex("  unique \"u\" {\n    columns = [column.a]\n    type = GIST\n  }\n")))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:10:12: attribute \"type\" of unique constraint \"u\" of table \"t\": a UNIQUE"
                        + " constraint is always a BTREE index, found GIST (which has no unique indexes)");
        assertThatThrownBy(() -> read(
                        uniqueOrIndex("  unique \"u\" {\n    columns = [column.a]\n    page_per_range = 2\n  }\n")))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:10:22: attribute \"page_per_range\" of unique constraint \"u\" of table \"t\":"
                        + " pages_per_range is a storage parameter of BRIN indexes, and a UNIQUE constraint is a BTREE"
                        + " index");
        assertThatThrownBy(() -> read(uniqueOrIndex(
                        "  unique \"u\" {\n    on {\n      column = column.a\n      nulls_first = true\n    }\n  }\n")))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:11:21: part 1 of unique constraint \"u\" of table \"t\": a UNIQUE constraint"
                        + " lists plain columns only, found nulls_first; a unique index (an index block with unique ="
                        + " true) can have it");
        assertThatThrownBy(() -> read(uniqueOrIndex(
                        "  primary_key {\n    on {\n      desc = true\n      column = column.a\n    }\n  }\n")))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:10:14: part 1 of primary key of table \"t\": a PRIMARY KEY lists plain columns"
                        + " only, found desc");
    }

    @Test
    void indexAttributesTheAccessMethodCannotHonourAreRefused() {
        assertThatThrownBy(() -> read(uniqueOrIndex(
                        "  index \"i\" {\n    unique = true\n    type = BRIN\n    columns = [column.a]\n  }\n")))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:10:12: attribute \"type\" of index \"i\" of table \"t\": access method BRIN"
                        + " does not support unique indexes (only BTREE does)");
        assertThatThrownBy(() -> read(uniqueOrIndex(
                        "  index \"i\" {\n    type = HASH\n    columns = [column.a]\n    include = [column.a]\n  }\n")))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:11:15: attribute \"include\" of index \"i\" of table \"t\": access method HASH"
                        + " does not support include columns (BTREE, GIST and SPGIST do)");
        assertThatThrownBy(() -> read(uniqueOrIndex(
                        "  index \"i\" {\n    type = GIN\n    columns = [column.a]\n    page_per_range = 2\n  }\n")))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:11:22: attribute \"page_per_range\" of index \"i\" of table \"t\":"
                        + " pages_per_range is a storage parameter of BRIN indexes, the index is GIN");
        assertThatThrownBy(
                        () -> read(
                                uniqueOrIndex(
                                        "  index \"i\" {\n    type = BRIN\n    columns = [column.a]\n    page_per_range = 131073\n  }\n")))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:11:22: attribute \"page_per_range\" of index \"i\" of table \"t\": expected an"
                        + " integer from 1 to 131072, found 131073");
        // What the methods can do reads: a unique BTREE index, INCLUDE on GIST, BRIN at the largest range, and a
        // method of an extension, which is not checked.
        assertThat(read(uniqueOrIndex("  index \"i\" {\n    unique = true\n    type = BTREE\n    columns = [column.a]\n"
                                + "  }\n  index \"j\" {\n    type = GIST\n    columns = [column.a]\n"
                                + "    include = [column.a]\n  }\n  index \"k\" {\n    type = BRIN\n"
                                + "    columns = [column.a]\n    page_per_range = 131072\n  }\n"
                                + "  index \"l\" {\n    type = \"ivfflat\"\n    columns = [column.a]\n  }\n"))
                        .schemas()
                        .get(0)
                        .tables()
                        .get(0)
                        .indexes())
                .extracting(Index::name, Index::options)
                .containsExactly(
                        tuple("i", Map.of()),
                        tuple("j", Map.of("type", "GIST", "include", "a")),
                        tuple("k", Map.of("type", "BRIN", "page_per_range", "131072")),
                        tuple("l", Map.of("type", "IVFFLAT")));
    }

    @Test
    void identityBlockRejectsUnknownAttributes() {
        assertThatThrownBy(() -> read("table \"t\" {\n  schema = schema.public\n  column \"a\" {\n    type = int\n"
                        + "    identity {\n      cycle = true\n    }\n  }\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("schema.hcl:8:7: unsupported attribute \"cycle\" in \"identity\" block of column \"a\""
                        + " of table \"t\"");
    }

    @Test
    void otherDialectsStillRejectUniqueAndEnumBlocks() {
        String unique = "schema \"main\" {\n}\ntable \"t\" {\n  schema = schema.main\n  column \"a\" {\n"
                + "    type = int\n  }\n  unique \"u\" {\n    columns = [column.a]\n  }\n}\n";
        assertThatThrownBy(() -> new SqliteDialect()
                        .spec()
                        .read(HclEvaluator.evaluate(List.of(Hcl.parse("s.hcl", unique)), EvalOptions.defaults())))
                .isInstanceOf(HclException.class)
                .hasMessage("s.hcl:8:3: unsupported block \"unique\" in table \"t\"");
        String enumBlock = "schema \"main\" {\n}\nenum \"e\" {\n  schema = schema.main\n  values = [\"a\"]\n}\n";
        assertThatThrownBy(() -> new SqliteDialect()
                        .spec()
                        .read(HclEvaluator.evaluate(List.of(Hcl.parse("s.hcl", enumBlock)), EvalOptions.defaults())))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("unsupported block \"enum\"");
    }
}
