package io.plumb.engine.dialect.sqlite;

import static io.plumb.engine.spec.HclFixture.bool;
import static io.plumb.engine.spec.HclFixture.call;
import static io.plumb.engine.spec.HclFixture.document;
import static io.plumb.engine.spec.HclFixture.ident;
import static io.plumb.engine.spec.HclFixture.list;
import static io.plumb.engine.spec.HclFixture.num;
import static io.plumb.engine.spec.HclFixture.ref;
import static io.plumb.engine.spec.HclFixture.sql;
import static io.plumb.engine.spec.HclFixture.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.HclFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqliteSchemaSpecReadTest {

    private final SqliteSchemaSpec spec = new SqliteSchemaSpec();
    private final HclFixture h = new HclFixture();

    /** The inspect sample as the evaluator would hand it over, with the org_id column its foreign key needs. */
    private Document sampleDocument() {
        Resource orgs = h.block(
                "table",
                "orgs",
                h.attr("schema", ref("schema.main")),
                h.block("column", "id", h.attr("null", bool(false)), h.attr("type", ident("integer"))),
                h.block("primary_key", "", h.attr("columns", list(ref("column.id")))));
        Resource users = h.block(
                "table",
                "users",
                h.attr("schema", ref("schema.main")),
                h.attr("without_rowid", bool(true)),
                h.block("column", "id", h.attr("type", ident("integer")), h.attr("auto_increment", bool(true))),
                h.block(
                        "column",
                        "name",
                        h.attr("null", bool(true)),
                        h.attr("type", call("varchar", num("255"))),
                        h.attr("default", str("anon"))),
                h.block(
                        "column",
                        "created",
                        h.attr("type", ident("datetime")),
                        h.attr("default", sql("CURRENT_TIMESTAMP"))),
                h.block(
                        "column",
                        "full",
                        h.attr("null", bool(true)),
                        h.attr("type", ident("text")),
                        h.block(
                                "as",
                                "",
                                h.attr("expr", str("first || ' ' || last")),
                                h.attr("type", ident("STORED")))),
                h.block("column", "org_id", h.attr("null", bool(true)), h.attr("type", ident("integer"))),
                h.block("primary_key", "", h.attr("columns", list(ref("column.id")))),
                h.block(
                        "foreign_key",
                        "0",
                        h.attr("columns", list(ref("column.org_id"))),
                        h.attr("ref_columns", list(ref("table.orgs.column.id"))),
                        h.attr("on_delete", ident("CASCADE"))),
                h.block(
                        "index",
                        "users_name_idx",
                        h.attr("columns", list(ref("column.name"))),
                        h.attr("unique", bool(true))),
                h.block(
                        "index",
                        "partial",
                        h.attr("columns", list(ref("column.name"))),
                        h.attr("where", str("name IS NOT NULL"))),
                h.block(
                        "index",
                        "expr",
                        h.block("on", "", h.attr("column", ref("column.name")), h.attr("desc", bool(true))),
                        h.block("on", "", h.attr("expr", str("lower(name)")))),
                h.block("check", "name_not_empty", h.attr("expr", str("name <> ''"))));
        return document(h.block("schema", "main"), orgs, users);
    }

    private static Realm sampleRealmWithOrgId() {
        Realm realm = SqliteSchemaSpecWriteTest.sampleRealm();
        Schema main = realm.schemas().get(0);
        Table users = main.tables().get(1);
        List<Column> columns = new ArrayList<>(users.columns());
        columns.add(Column.of("org_id", ColumnType.Named.of("integer"), true));
        return Realm.of(main.withTables(List.of(main.tables().get(0), users.withColumns(columns))));
    }

    @Test
    void readsTheSampleIntoTheExactModel() {
        assertThat(spec.read(sampleDocument())).isEqualTo(sampleRealmWithOrgId());
    }

    @Test
    void writesWhatItReadsAsTheInspectSample() {
        String expected = SqliteSchemaSpecWriteTest.SAMPLE.replace(
                "  primary_key {\n    columns = [column.id]\n  }\n  foreign_key",
                "  column \"org_id\" {\n    null = true\n    type = integer\n  }\n"
                        + "  primary_key {\n    columns = [column.id]\n  }\n  foreign_key");
        assertThat(spec.write(spec.read(sampleDocument()))).isEqualTo(expected);
    }

    @Test
    void readsEveryTypeSpelling() {
        assertThat(typeOf(ident("integer"))).isEqualTo(ColumnType.Named.of("integer"));
        assertThat(typeOf(ident("int"))).isEqualTo(ColumnType.Named.of("int"));
        assertThat(typeOf(call("varchar", num("255")))).isEqualTo(ColumnType.Named.of("varchar", "255"));
        assertThat(typeOf(call("decimal", num("10"), num("2")))).isEqualTo(ColumnType.Named.of("decimal", "10", "2"));
        assertThat(typeOf(ident("unsigned_big_int"))).isEqualTo(ColumnType.Named.of("unsigned big int"));
        assertThat(typeOf(ident("double_precision"))).isEqualTo(ColumnType.Named.of("double precision"));
        assertThat(typeOf(call("varying_character", num("20"))))
                .isEqualTo(ColumnType.Named.of("varying character", "20"));
        assertThat(typeOf(ident("native_character"))).isEqualTo(ColumnType.Named.of("native character"));
        assertThat(typeOf(sql("int[]"))).isEqualTo(new ColumnType.Raw("int[]"));
    }

    @Test
    void readsEveryDefaultKind() {
        assertThat(defaultOf(str("it's"))).isEqualTo(new DefaultValue.Literal("'it''s'"));
        assertThat(defaultOf(num("42"))).isEqualTo(new DefaultValue.Literal("42"));
        assertThat(defaultOf(num("1.50"))).isEqualTo(new DefaultValue.Literal("1.50"));
        assertThat(defaultOf(bool(true))).isEqualTo(new DefaultValue.Literal("true"));
        assertThat(defaultOf(bool(false))).isEqualTo(new DefaultValue.Literal("false"));
        assertThat(defaultOf(sql("CURRENT_TIMESTAMP"))).isEqualTo(new DefaultValue.RawExpr("CURRENT_TIMESTAMP"));
    }

    @Test
    void readsGeneratedColumnsWithSQLitesDefaultKind() {
        Column shorthand = column(h.block("column", "g", h.attr("type", ident("int")), h.attr("as", str("a + 1"))));
        assertThat(shorthand.generated()).contains(new Generated("a + 1", "VIRTUAL"));
        Column block = column(
                h.block("column", "g", h.attr("type", ident("int")), h.block("as", "", h.attr("expr", str("a * 2")))));
        assertThat(block.generated()).contains(new Generated("a * 2", "VIRTUAL"));
        assertThat(block.nullable()).isFalse();
        assertThat(block.autoIncrement()).isFalse();
    }

    @Test
    void readsTableOptionsAndComments() {
        Table t = table(h.block(
                "table",
                "t",
                h.attr("schema", ref("schema.main")),
                h.attr("strict", bool(true)),
                h.attr("without_rowid", bool(false)),
                h.attr("comment", str("c")),
                h.block("column", "a", h.attr("type", ident("int")), h.attr("comment", str("cc")))));
        assertThat(t.options()).isEqualTo(Map.of("strict", "true"));
        assertThat(t.comment()).contains("c");
        assertThat(t.columns().get(0).comment()).contains("cc");
    }

    @Test
    void readsKeysWithPartsAndTheTableOfATableWithoutSchemaAttribute() {
        Table t = table(h.block(
                "table",
                "t",
                h.block("column", "a", h.attr("type", ident("int"))),
                h.block("column", "b", h.attr("type", ident("int"))),
                h.block(
                        "primary_key",
                        "t_pk",
                        h.block("on", "", h.attr("column", ref("column.a"))),
                        h.block("on", "", h.attr("column", ref("column.b")), h.attr("desc", bool(true)))),
                h.block(
                        "foreign_key",
                        "self",
                        h.attr("columns", list(ref("column.b"))),
                        h.attr("ref_columns", list(ref("column.a"))),
                        h.attr("on_update", ident("SET_NULL"))),
                h.block("check", "", h.attr("expr", str("a > 0")))));
        assertThat(t.primaryKey())
                .contains(
                        new PrimaryKey("", List.of(IndexPart.column("a"), new IndexPart("b", false, true, Map.of()))));
        assertThat(t.foreignKeys())
                .containsExactly(new ForeignKey(
                        "self",
                        List.of("b"),
                        "main",
                        "t",
                        List.of("a"),
                        ReferenceAction.SET_NULL,
                        ReferenceAction.NO_ACTION));
        assertThat(t.checks().get(0).name()).isEmpty();
        assertThat(t.checks().get(0).expr()).isEqualTo("a > 0");
    }

    @Test
    void readsSchemaNameAttributeAndQualifiedTables() {
        Realm realm = spec.read(document(
                h.block("schema", "ignored", h.attr("name", str("main"))),
                h.labeled("table", List.of("main", "t"), h.block("column", "a", h.attr("type", ident("int")))),
                h.block(
                        "table",
                        "u",
                        h.block("column", "a", h.attr("type", ident("int"))),
                        h.block(
                                "foreign_key",
                                "f",
                                h.attr("columns", list(ref("column.a"))),
                                h.attr("ref_columns", list(ref("table.main.t.column.a")))))));
        assertThat(realm.schemas()).extracting(Schema::name).containsExactly("main");
        assertThat(realm.schemas().get(0).tables()).extracting(Table::name).containsExactly("t", "u");
        assertThat(realm.schemas().get(0).tables().get(1).foreignKeys().get(0).refTable())
                .isEqualTo("t");
    }

    private ColumnType typeOf(io.plumb.engine.hcl.Value type) {
        return column(h.block("column", "c", h.attr("type", type))).type();
    }

    private DefaultValue defaultOf(io.plumb.engine.hcl.Value value) {
        return column(h.block("column", "c", h.attr("type", ident("text")), h.attr("default", value)))
                .defaultValue()
                .orElseThrow();
    }

    private Column column(Resource column) {
        return table(h.block("table", "t", h.attr("schema", ref("schema.main")), column))
                .columns()
                .get(0);
    }

    private Table table(Resource table) {
        return spec.read(document(h.block("schema", "main"), table))
                .schemas()
                .get(0)
                .tables()
                .get(0);
    }
}
