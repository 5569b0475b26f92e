package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqliteSchemaSpecWriteTest {

    private final SqliteSchemaSpec spec = new SqliteSchemaSpec();

    static final String SAMPLE =
            """
            table "orgs" {
              schema = schema.main
              column "id" {
                null = false
                type = integer
              }
              primary_key {
                columns = [column.id]
              }
            }
            table "users" {
              schema        = schema.main
              without_rowid = true
              column "id" {
                null           = false
                type           = integer
                auto_increment = true
              }
              column "name" {
                null    = true
                type    = varchar(255)
                default = "anon"
              }
              column "created" {
                null    = false
                type    = datetime
                default = sql("CURRENT_TIMESTAMP")
              }
              column "full" {
                null = true
                type = text
                as {
                  expr = "first || ' ' || last"
                  type = STORED
                }
              }
              primary_key {
                columns = [column.id]
              }
              foreign_key "0" {
                columns     = [column.org_id]
                ref_columns = [table.orgs.column.id]
                on_update   = NO_ACTION
                on_delete   = CASCADE
              }
              index "users_name_idx" {
                unique  = true
                columns = [column.name]
              }
              index "partial" {
                columns = [column.name]
                where   = "name IS NOT NULL"
              }
              index "expr" {
                on {
                  desc   = true
                  column = column.name
                }
                on {
                  expr = "lower(name)"
                }
              }
              check "name_not_empty" {
                expr = "name <> ''"
              }
            }
            schema "main" {
            }
            """;

    static Realm sampleRealm() {
        Table orgs = withKey(
                table("orgs", List.of(Column.of("id", ColumnType.Named.of("integer"), false))), PrimaryKey.of("id"));
        Column id = new Column(
                "id",
                ColumnType.Named.of("integer"),
                false,
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.empty(),
                Map.of());
        Column name = Column.of("name", ColumnType.Named.of("varchar", "255"), true)
                .withDefault(new DefaultValue.Literal("'anon'"));
        Column created = Column.of("created", ColumnType.Named.of("datetime"), false)
                .withDefault(new DefaultValue.RawExpr("CURRENT_TIMESTAMP"));
        Column full = generated("full", "first || ' ' || last", "STORED");
        Table users = new Table(
                "users",
                List.of(id, name, created, full),
                Optional.of(PrimaryKey.of("id")),
                List.of(
                        Index.of("users_name_idx", true, "name"),
                        new Index(
                                "partial",
                                false,
                                IndexPart.columns("name"),
                                Optional.of("name IS NOT NULL"),
                                Optional.empty(),
                                Map.of()),
                        new Index(
                                "expr",
                                false,
                                List.of(
                                        new IndexPart("name", false, true, Map.of()),
                                        IndexPart.expression("lower(name)")),
                                Optional.empty(),
                                Optional.empty(),
                                Map.of())),
                List.of(new ForeignKey(
                        "0",
                        List.of("org_id"),
                        "main",
                        "orgs",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.CASCADE)),
                List.of(Check.of("name_not_empty", "name <> ''")),
                Optional.empty(),
                Map.of("without_rowid", "true"));
        return Realm.of(Schema.of("main", List.of(orgs, users)));
    }

    @Test
    void writesTheInspectSampleByteForByte() {
        assertThat(spec.write(sampleRealm())).isEqualTo(SAMPLE);
    }

    @Test
    void writesAnEmptyRealmAsNothingAndAnEmptySchemaAsAnEmptyBlock() {
        assertThat(spec.write(Realm.of())).isEmpty();
        assertThat(spec.write(Realm.of(Schema.of("main", List.of())))).isEqualTo("schema \"main\" {\n}\n");
    }

    @Test
    void writesEachKindOfType() {
        Table t = table(
                "t",
                List.of(
                        Column.of("a", ColumnType.Named.of("integer"), false),
                        Column.of("b", ColumnType.Named.of("varchar", "255"), false),
                        Column.of("c", ColumnType.Named.of("decimal", "10", "2"), false),
                        Column.of("d", ColumnType.Named.of("unsigned big int"), false),
                        Column.of("e", ColumnType.Named.of("double precision"), false),
                        Column.of("f", ColumnType.Named.of("native character", "70"), false),
                        Column.of("g", new ColumnType.Raw("int[]"), false)));
        assertThat(typeLines(t))
                .containsExactly(
                        "type = integer",
                        "type = varchar(255)",
                        "type = decimal(10,2)",
                        "type = unsigned_big_int",
                        "type = double_precision",
                        "type = native_character(70)",
                        "type = sql(\"int[]\")");
    }

    @Test
    void writesEachKindOfDefault() {
        assertThat(defaultOf("text", new DefaultValue.Literal("'it''s'"))).isEqualTo("\"it's\"");
        assertThat(defaultOf("text", new DefaultValue.Literal("\"dq\"\"x\""))).isEqualTo("\"dq\\\"x\"");
        assertThat(defaultOf("text", new DefaultValue.Literal("'a\nb\tc\"d\\e ${x} %{y} $z \u0001 é'")))
                .isEqualTo("\"a\\nb\\tc\\\"d\\\\e $${x} %%{y} $z \\u0001 é\"");
        assertThat(defaultOf("integer", new DefaultValue.Literal("42"))).isEqualTo("42");
        assertThat(defaultOf("integer", new DefaultValue.Literal("-3"))).isEqualTo("-3");
        assertThat(defaultOf("real", new DefaultValue.Literal("1.50"))).isEqualTo("1.5");
        assertThat(defaultOf("text", new DefaultValue.Literal("1"))).isEqualTo("\"1\"");
        assertThat(defaultOf("varchar", new DefaultValue.Literal("2.50"))).isEqualTo("\"2.50\"");
        assertThat(defaultOf("boolean", new DefaultValue.Literal("TRUE"))).isEqualTo("true");
        assertThat(defaultOf("integer", new DefaultValue.Literal("false"))).isEqualTo("false");
        assertThat(defaultOf("blob", new DefaultValue.Literal("x'00ff'"))).isEqualTo("sql(\"x'00ff'\")");
        assertThat(defaultOf("integer", new DefaultValue.Literal("0x1F"))).isEqualTo("sql(\"0x1F\")");
        assertThat(defaultOf("datetime", new DefaultValue.RawExpr("datetime('now')")))
                .isEqualTo("sql(\"datetime('now')\")");
        assertThat(defaultOf("text", new DefaultValue.Literal("NULL"))).isEqualTo("\"NULL\"");
    }

    @Test
    void writesVirtualGeneratedColumnsAsABlockWithTheirKind() {
        String hcl = spec.write(realm(table("t", List.of(generated("v", "a + 1", "VIRTUAL")))));
        assertThat(hcl)
                .contains(
                        """
                          column "v" {
                            null = true
                            type = text
                            as {
                              expr = "a + 1"
                              type = VIRTUAL
                            }
                          }
                        """);
    }

    @Test
    void writesCompositeAndDescendingPrimaryKeys() {
        List<Column> columns = List.of(
                Column.of("a", ColumnType.Named.of("int"), false), Column.of("b", ColumnType.Named.of("int"), false));
        assertThat(spec.write(realm(withKey(table("t", columns), PrimaryKey.of("a", "b")))))
                .contains("  primary_key {\n    columns = [column.a, column.b]\n  }\n");
        PrimaryKey desc =
                new PrimaryKey("ignored", List.of(IndexPart.column("a"), new IndexPart("b", false, true, Map.of())));
        assertThat(spec.write(realm(withKey(table("t", columns), desc))))
                .contains(
                        """
                          primary_key {
                            on {
                              column = column.a
                            }
                            on {
                              desc   = true
                              column = column.b
                            }
                          }
                        """);
    }

    @Test
    void writesIndexesWithSeveralColumnsAndPartialExpressionIndexes() {
        Index multi = Index.of("multi", false, "a", "b");
        Index partialExpr = new Index(
                "pe", true, List.of(IndexPart.expression("a + b")), Optional.of("a > 0"), Optional.empty(), Map.of());
        Table t = table("t", List.of()).withIndexes(List.of(multi, partialExpr));
        assertThat(spec.write(realm(t)))
                .contains(
                        """
                          index "multi" {
                            columns = [column.a, column.b]
                          }
                          index "pe" {
                            unique = true
                            where  = "a > 0"
                            on {
                              expr = "a + b"
                            }
                          }
                        """);
    }

    @Test
    void writesUnnamedChecksSelfReferencesAndEveryAction() {
        ReferenceAction[] actions = ReferenceAction.values();
        List<ForeignKey> fks = new ArrayList<>();
        for (int i = 0; i < actions.length; i++) {
            fks.add(new ForeignKey(
                    String.valueOf(i),
                    List.of("parent"),
                    "main",
                    "t",
                    List.of("id"),
                    actions[i],
                    actions[actions.length - 1 - i]));
        }
        Table t = new Table(
                "t",
                List.of(),
                Optional.empty(),
                List.of(),
                fks,
                List.of(Check.of("", "id > 0")),
                Optional.empty(),
                Map.of());
        String hcl = spec.write(realm(t));
        assertThat(hcl)
                .contains(
                        """
                          foreign_key "0" {
                            columns     = [column.parent]
                            ref_columns = [column.id]
                            on_update   = NO_ACTION
                            on_delete   = SET_DEFAULT
                          }
                        """)
                .contains("on_update   = RESTRICT\n    on_delete   = SET_NULL\n")
                .contains("on_update   = CASCADE\n    on_delete   = CASCADE\n")
                .contains("on_update   = SET_NULL\n    on_delete   = RESTRICT\n")
                .contains("on_update   = SET_DEFAULT\n    on_delete   = NO_ACTION\n")
                .contains("  check {\n    expr = \"id > 0\"\n  }\n");
    }

    @Test
    void alignsWithoutRowidAndStrictWithTheSchemaAttribute() {
        Table t = new Table(
                "t",
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of("strict", "true", "without_rowid", "true"));
        assertThat(spec.write(realm(t)))
                .isEqualTo(
                        """
                        table "t" {
                          schema        = schema.main
                          without_rowid = true
                          strict        = true
                        }
                        schema "main" {
                        }
                        """);
    }

    @Test
    void writesCommentsBeforeTheDialectAttributes() {
        Column c = new Column(
                "id",
                ColumnType.Named.of("integer"),
                false,
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.of("the key"),
                Map.of());
        Table t = new Table(
                "t",
                List.of(c),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                Optional.of("a table"),
                Map.of("strict", "true"));
        Schema main = new Schema("main", List.of(t), Optional.of("the schema"), Map.of());
        assertThat(spec.write(Realm.of(main)))
                .isEqualTo(
                        """
                        table "t" {
                          schema  = schema.main
                          comment = "a table"
                          strict  = true
                          column "id" {
                            null           = false
                            type           = integer
                            comment        = "the key"
                            auto_increment = true
                          }
                        }
                        schema "main" {
                          comment = "the schema"
                        }
                        """);
    }

    private String defaultOf(String type, DefaultValue value) {
        Table t = table(
                "t", List.of(Column.of("c", ColumnType.Named.of(type), true).withDefault(value)));
        return spec.write(realm(t))
                .lines()
                .filter(l -> l.trim().startsWith("default"))
                .map(l -> l.substring(l.indexOf("= ") + 2))
                .findFirst()
                .orElseThrow();
    }

    private List<String> typeLines(Table t) {
        return spec.write(realm(t))
                .lines()
                .map(String::trim)
                .filter(l -> l.startsWith("type"))
                .toList();
    }

    static Column generated(String name, String expr, String kind) {
        return new Column(
                name,
                ColumnType.Named.of("text"),
                true,
                Optional.empty(),
                Optional.of(new Generated(expr, kind)),
                false,
                Optional.empty(),
                Map.of());
    }

    static Table table(String name, List<Column> columns) {
        return Table.of(name, columns);
    }

    static Table withKey(Table t, PrimaryKey key) {
        return new Table(
                t.name(),
                t.columns(),
                Optional.of(key),
                t.indexes(),
                t.foreignKeys(),
                t.checks(),
                t.comment(),
                t.options());
    }

    static Realm realm(Table table) {
        return Realm.of(Schema.of("main", List.of(table)));
    }
}
