package io.plumb.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecWriterTest {

    private final SpecWriter writer = new SpecWriter(new MultiSchemaDialect());

    static Realm twoSchemas() {
        Table adminUsers = new Table(
                "users",
                List.of(Column.of("id", ColumnType.Named.of("int"), false)),
                Optional.of(new PrimaryKey("users_pk", IndexPart.columns("id"))),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of());
        Table publicUsers = new Table(
                "users",
                List.of(Column.of("id", ColumnType.Named.of("int"), false)),
                Optional.empty(),
                List.of(),
                List.of(new ForeignKey(
                        "fk",
                        List.of("id"),
                        "admin",
                        "users",
                        List.of("id"),
                        ReferenceAction.CASCADE,
                        ReferenceAction.SET_NULL)),
                List.of(),
                Optional.empty(),
                Map.of());
        Table orgs = new Table(
                "orgs",
                List.of(Column.of("owner", ColumnType.Named.of("int"), false)),
                Optional.empty(),
                List.of(),
                List.of(new ForeignKey(
                        "owner_fk",
                        List.of("owner"),
                        "public",
                        "users",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.NO_ACTION)),
                List.of(),
                Optional.empty(),
                Map.of());
        return Realm.of(Schema.of("admin", List.of(adminUsers)), Schema.of("public", List.of(publicUsers, orgs)));
    }

    static final String TWO_SCHEMAS =
            """
            table "admin" "users" {
              schema = schema.admin
              column "id" {
                null = false
                type = int
              }
              primary_key "users_pk" {
                columns = [column.id]
              }
            }
            table "public" "users" {
              schema = schema.public
              column "id" {
                null = false
                type = int
              }
              foreign_key "fk" {
                columns     = [column.id]
                ref_columns = [table.admin.users.column.id]
                on_update   = CASCADE
                on_delete   = SET_NULL
              }
            }
            table "orgs" {
              schema = schema.public
              column "owner" {
                null = false
                type = int
              }
              foreign_key "owner_fk" {
                columns     = [column.owner]
                ref_columns = [table.public.users.column.id]
                on_update   = NO_ACTION
                on_delete   = NO_ACTION
              }
            }
            schema "admin" {
            }
            schema "public" {
            }
            """;

    @Test
    void qualifiesTablesWhoseNameIsInTwoSchemasAndTheReferencesToThem() {
        assertThat(writer.write(twoSchemas())).isEqualTo(TWO_SCHEMAS);
    }

    @Test
    void writesDialectAttributesOfEveryKindInTheDialectsOrder() {
        Column column = new Column(
                "n",
                ColumnType.Named.of("int"),
                false,
                Optional.of(new DefaultValue.Literal("7")),
                Optional.empty(),
                true,
                Optional.of("count"),
                Map.of("unsigned", "false"));
        Index index = new Index(
                "i",
                false,
                List.of(new IndexPart("n", false, false, Map.of("prefix", "10"))),
                Optional.of("n > 0"),
                Optional.of("dropped: this dialect has no index comments"),
                Map.of("type", "HASH"));
        Table table = new Table(
                "t",
                List.of(column),
                Optional.empty(),
                List.of(index),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of("auto_increment", "100", "engine", "InnoDB"));
        Schema schema = new Schema("s", List.of(table), Optional.of("c"), Map.of("charset", "utf8mb4"));
        assertThat(writer.write(Realm.of(schema)))
                .isEqualTo(
                        """
                        table "t" {
                          schema         = schema.s
                          engine         = InnoDB
                          auto_increment = 100
                          column "n" {
                            null           = false
                            type           = int
                            default        = 7
                            comment        = "count"
                            unsigned       = false
                            auto_increment = true
                          }
                          index "i" {
                            type  = HASH
                            where = "n > 0"
                            on {
                              column = column.n
                              prefix = 10
                            }
                          }
                        }
                        schema "s" {
                          charset = "utf8mb4"
                          comment = "c"
                        }
                        """);
    }

    @Test
    void writesEnumArgumentsAsStringsAndNamesThatAreNotIdentifiersAsIndexes() {
        Column status = Column.of("first name", ColumnType.Named.of("enum", "'on'", "'it''s'"), true);
        Table table = new Table(
                "t",
                List.of(status),
                Optional.empty(),
                List.of(Index.of("i", false, "first name")),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of());
        String hcl = writer.write(Realm.of(Schema.of("s", List.of(table))));
        assertThat(hcl)
                .contains("column \"first name\" {")
                .contains("type = enum(\"on\",\"it's\")")
                .contains("columns = [column[\"first name\"]]");
    }
}
