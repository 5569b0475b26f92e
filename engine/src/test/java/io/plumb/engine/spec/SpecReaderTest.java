package io.plumb.engine.spec;

import static io.plumb.engine.spec.HclFixture.bool;
import static io.plumb.engine.spec.HclFixture.call;
import static io.plumb.engine.spec.HclFixture.document;
import static io.plumb.engine.spec.HclFixture.ident;
import static io.plumb.engine.spec.HclFixture.list;
import static io.plumb.engine.spec.HclFixture.num;
import static io.plumb.engine.spec.HclFixture.ref;
import static io.plumb.engine.spec.HclFixture.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

    private final SpecReader reader = new SpecReader(new MultiSchemaDialect());
    private final SpecWriter writer = new SpecWriter(new MultiSchemaDialect());
    private final HclFixture h = new HclFixture();

    private Resource column(String name) {
        return h.block("column", name, h.attr("type", ident("int")));
    }

    private Resource fk(Attribute refColumns) {
        return h.block("foreign_key", "f", h.attr("columns", list(ref("column.id"))), refColumns);
    }

    private HclException error(Document document) {
        HclException e = catchThrowableOfType(HclException.class, () -> reader.read(document));
        assertThat(e).as("an HclException").isNotNull();
        return e;
    }

    @Test
    void readsTwoSchemasWithQualifiedTablesIntoWhatTheWriterWritesBack() {
        Document document = document(
                h.block("schema", "admin"),
                h.block("schema", "public"),
                h.labeled(
                        "table",
                        List.of("admin", "users"),
                        h.attr("schema", ref("schema.admin")),
                        column("id"),
                        h.block("primary_key", "users_pk", h.attr("columns", list(ref("column.id"))))),
                h.labeled(
                        "table",
                        List.of("public", "users"),
                        h.attr("schema", ref("schema.public")),
                        column("id"),
                        h.block(
                                "foreign_key",
                                "fk",
                                h.attr("columns", list(ref("column.id"))),
                                h.attr("ref_columns", list(ref("table.admin.users.column.id"))),
                                h.attr("on_update", ident("CASCADE")),
                                h.attr("on_delete", ident("SET_NULL")))),
                h.block(
                        "table",
                        "orgs",
                        h.attr("schema", ref("schema.public")),
                        column("owner"),
                        h.block(
                                "foreign_key",
                                "owner_fk",
                                h.attr("columns", list(ref("column.owner"))),
                                // Unqualified: the referring table's schema wins over the other "users".
                                h.attr("ref_columns", list(ref("table.users.column.id"))))));
        Realm realm = reader.read(document);
        assertThat(realm).isEqualTo(SpecWriterTest.twoSchemas());
        assertThat(writer.write(realm)).isEqualTo(SpecWriterTest.TWO_SCHEMAS);
    }

    @Test
    void readsDialectAttributesOfEveryKindAndStringTypeArguments() {
        Document document = document(
                h.block("schema", "s", h.attr("charset", str("utf8mb4"))),
                h.block(
                        "table",
                        "t",
                        h.attr("engine", ident("InnoDB")),
                        h.attr("auto_increment", num("100")),
                        h.block(
                                "column",
                                "n",
                                h.attr("type", call("enum", str("on"), str("it's"))),
                                h.attr("unsigned", bool(false))),
                        h.block(
                                "index",
                                "i",
                                h.attr("type", ident("HASH")),
                                h.block("on", "", h.attr("column", ref("column.n")), h.attr("prefix", num("10"))))));
        Realm realm = reader.read(document);
        Table t = realm.schemas().get(0).tables().get(0);
        assertThat(realm.schemas().get(0).options()).isEqualTo(Map.of("charset", "utf8mb4"));
        assertThat(t.options()).isEqualTo(Map.of("engine", "InnoDB", "auto_increment", "100"));
        assertThat(t.columns().get(0).type()).isEqualTo(ColumnType.Named.of("enum", "'on'", "'it''s'"));
        assertThat(t.columns().get(0).options()).isEqualTo(Map.of("unsigned", "false"));
        assertThat(t.indexes().get(0).options()).isEqualTo(Map.of("type", "HASH"));
        assertThat(t.indexes().get(0).parts().get(0).options()).isEqualTo(Map.of("prefix", "10"));
    }

    @Test
    void rejectsReferencesToATableNameInSeveralOtherSchemas() {
        Attribute refs = h.attr("ref_columns", list(ref("table.orgs.column.id")));
        HclException e = error(document(
                h.block("schema", "a"),
                h.block("schema", "b"),
                h.block("schema", "c"),
                h.labeled("table", List.of("a", "orgs"), column("id")),
                h.labeled("table", List.of("b", "orgs"), column("id")),
                h.labeled("table", List.of("c", "users"), column("id"), fk(refs))));
        assertThat(e.detail())
                .isEqualTo("foreign key \"f\" of table \"users\": multiple reference tables found for \"orgs\"");
        assertThat(e.pos()).isEqualTo(refs.pos());
    }

    @Test
    void rejectsQualifiedReferencesToMissingTablesAndMalformedReferences() {
        Attribute refs = h.attr("ref_columns", list(ref("table.b.orgs.column.id")));
        HclException missing = error(document(
                h.block("schema", "a"),
                h.block("schema", "b"),
                h.labeled("table", List.of("a", "users"), column("id"), fk(refs))));
        assertThat(missing.detail())
                .isEqualTo("foreign key \"f\" of table \"users\": referenced table \"b.orgs\" not found");
        Attribute bad = h.attr("ref_columns", list(ref("orgs.id")));
        HclException malformed =
                error(document(h.block("schema", "a"), h.block("table", "users", column("id"), fk(bad))));
        assertThat(malformed.detail())
                .isEqualTo(
                        "attribute \"ref_columns\" of foreign key \"f\" of table \"users\": expected a column reference"
                                + " (column.NAME or table.NAME.column.NAME), found orgs.id");
        assertThat(malformed.pos()).isEqualTo(bad.pos());
    }

    @Test
    void rejectsTablesWithoutSchemaAmongSeveralSchemasAndQualifierMismatches() {
        Resource table = h.block("table", "t", column("id"));
        HclException missing = error(document(h.block("schema", "a"), h.block("schema", "b"), table));
        assertThat(missing.detail()).isEqualTo("table \"t\": missing schema (the document declares 2 schemas)");
        assertThat(missing.pos()).isEqualTo(table.pos());
        Attribute schema = h.attr("schema", ref("schema.b"));
        HclException mismatch = error(document(
                h.block("schema", "a"), h.block("schema", "b"), h.labeled("table", List.of("a", "t"), schema)));
        assertThat(mismatch.detail()).isEqualTo("table \"t\": qualifier \"a\" does not match schema \"b\"");
        assertThat(mismatch.pos()).isEqualTo(schema.pos());
    }

    @Test
    void rejectsDuplicateSchemasTablesAndIndexes() {
        Resource second = h.block("schema", "a");
        assertThat(error(document(h.block("schema", "a"), second)).pos()).isEqualTo(second.pos());
        Resource table = h.block("table", "t");
        HclException tables = error(document(h.block("schema", "a"), h.block("table", "t"), table));
        assertThat(tables.detail()).isEqualTo("table \"t\": declared twice in schema \"a\"");
        assertThat(tables.pos()).isEqualTo(table.pos());
        Resource index = h.block("index", "i", h.attr("columns", list(ref("column.id"))));
        HclException indexes = error(document(
                h.block("schema", "a"),
                h.block(
                        "table",
                        "t",
                        column("id"),
                        h.block("index", "i", h.attr("columns", list(ref("column.id")))),
                        index)));
        assertThat(indexes.detail()).isEqualTo("index \"i\" of table \"t\": declared twice");
        assertThat(indexes.pos()).isEqualTo(index.pos());
    }

    @Test
    void rejectsBlocksWithTheWrongNumberOfLabels() {
        Resource unnamed = h.block("column", "", h.attr("type", ident("int")));
        HclException e = error(document(h.block("schema", "a"), h.block("table", "t", unnamed)));
        assertThat(e.detail()).isEqualTo("column block of table \"t\": expected 1 label, found 0");
        assertThat(e.pos()).isEqualTo(unnamed.pos());
        Resource three = h.labeled("table", List.of("a", "b", "c"));
        assertThat(error(document(h.block("schema", "a"), three)).detail())
                .isEqualTo("table block: expected 1 or 2 labels, found 3");
    }
}
