package io.plumb.engine.dialect.sqlite;

import static io.plumb.engine.spec.HclFixture.bool;
import static io.plumb.engine.spec.HclFixture.document;
import static io.plumb.engine.spec.HclFixture.ident;
import static io.plumb.engine.spec.HclFixture.list;
import static io.plumb.engine.spec.HclFixture.ref;
import static io.plumb.engine.spec.HclFixture.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.spec.HclFixture;
import org.junit.jupiter.api.Test;

class SqliteSchemaSpecErrorTest {

    private final SqliteSchemaSpec spec = new SqliteSchemaSpec();
    private final HclFixture h = new HclFixture();

    private void assertError(Pos pos, String detail, Resource... resources) {
        HclException e = catchThrowableOfType(HclException.class, () -> spec.read(document(resources)));
        assertThat(e).as("an HclException").isNotNull();
        assertThat(e.detail()).isEqualTo(detail);
        assertThat(e.pos()).isEqualTo(pos);
        assertThat(e.getMessage()).isEqualTo(pos + ": " + detail);
    }

    /** Asserts the error of a users table in schema main with the given body items. */
    private void assertUsersError(Pos pos, String detail, Object... items) {
        Object[] body = new Object[items.length + 1];
        body[0] = h.attr("schema", ref("schema.main"));
        System.arraycopy(items, 0, body, 1, items.length);
        assertError(pos, detail, h.block("schema", "main"), h.block("table", "users", body));
    }

    private Resource intColumn(String name) {
        return h.block("column", name, h.attr("type", ident("integer")));
    }

    @Test
    void rejectsSchemasOtherThanMain() {
        Resource schema = h.block("schema", "x");
        assertError(schema.pos(), "schema \"x\": sqlite supports only the \"main\" schema", schema);
    }

    @Test
    void rejectsTablesWithoutAnySchemaBlock() {
        Resource table = h.block("table", "t", intColumn("a"));
        assertError(table.pos(), "table \"t\": no schema block declared", table);
    }

    @Test
    void rejectsReferencesToUndeclaredSchemas() {
        Attribute schema = h.attr("schema", ref("schema.x"));
        assertError(
                schema.pos(),
                "table \"t\": schema \"x\" not found",
                h.block("schema", "main"),
                h.block("table", "t", schema));
    }

    @Test
    void rejectsUnknownTopLevelBlocks() {
        Resource typo = h.block("tabel", "t");
        assertError(typo.pos(), "unsupported block \"tabel\": expected \"schema\" or \"table\"", typo);
    }

    @Test
    void rejectsColumnsWithoutType() {
        Resource column = h.block("column", "id", h.attr("null", bool(true)));
        assertUsersError(column.pos(), "column \"id\" of table \"users\": missing type", column);
    }

    @Test
    void rejectsUnknownTypesAndValuesThatAreNotTypes() {
        Attribute type = h.attr("type", ident("integr"));
        assertUsersError(
                type.pos(), "column \"id\" of table \"users\": unknown type \"integr\"", h.block("column", "id", type));
        Attribute string = h.attr("type", str("integer"));
        assertUsersError(
                string.pos(),
                "attribute \"type\" of column \"id\" of table \"users\": expected a type, found string",
                h.block("column", "id", string));
    }

    @Test
    void rejectsUnknownAttributesAndBlocks() {
        Attribute typo = h.attr("nul", bool(true));
        assertUsersError(
                typo.pos(),
                "unsupported attribute \"nul\" in column \"id\" of table \"users\"",
                h.block("column", "id", h.attr("type", ident("int")), typo));
        Resource block = h.block("colum", "id");
        assertUsersError(block.pos(), "unsupported block \"colum\" in table \"users\"", block);
    }

    @Test
    void rejectsValuesOfTheWrongKind() {
        Attribute nul = h.attr("null", str("yes"));
        assertUsersError(
                nul.pos(),
                "attribute \"null\" of column \"id\" of table \"users\": expected a bool, found string",
                h.block("column", "id", h.attr("type", ident("int")), nul));
        Attribute dflt = h.attr("default", list());
        assertUsersError(
                dflt.pos(),
                "attribute \"default\" of column \"id\" of table \"users\": expected a string, number, bool or"
                        + " sql(\"...\"), found list",
                h.block("column", "id", h.attr("type", ident("int")), dflt));
        Attribute strict = h.attr("strict", str("true"));
        assertUsersError(
                strict.pos(), "attribute \"strict\" of table \"users\": expected a bool, found string", strict);
    }

    @Test
    void rejectsUnknownGeneratedKinds() {
        Attribute kind = h.attr("type", ident("PERSISTENT"));
        assertUsersError(
                kind.pos(),
                "\"as\" block of column \"g\" of table \"users\": unknown type \"PERSISTENT\", expected one of"
                        + " VIRTUAL, STORED",
                h.block(
                        "column",
                        "g",
                        h.attr("type", ident("int")),
                        h.block("as", "", h.attr("expr", str("1")), kind)));
    }

    @Test
    void rejectsIndexesWithBothOrNeitherColumnsAndParts() {
        Attribute columns = h.attr("columns", list(ref("column.a")));
        assertUsersError(
                columns.pos(),
                "multiple definitions for index \"x\" of table \"users\", use \"columns\" or \"on\"",
                intColumn("a"),
                h.block("index", "x", columns, h.block("on", "", h.attr("column", ref("column.a")))));
        Resource empty = h.block("index", "x", h.attr("unique", bool(true)));
        assertUsersError(empty.pos(), "missing definition for index \"x\" of table \"users\"", intColumn("a"), empty);
    }

    @Test
    void rejectsPartsWithBothColumnAndExpr() {
        Resource part = h.block("on", "", h.attr("column", ref("column.a")), h.attr("expr", str("a + 1")));
        assertUsersError(
                part.pos(),
                "part 1 of index \"x\" of table \"users\": \"column\" and \"expr\" are mutually exclusive",
                intColumn("a"),
                h.block("index", "x", part));
    }

    @Test
    void rejectsReferencesToMissingColumnsAndTables() {
        Attribute columns = h.attr("columns", list(ref("column.x")));
        assertUsersError(
                columns.pos(),
                "index \"i\" of table \"users\": column \"x\" not found in table \"users\"",
                intColumn("a"),
                h.block("index", "i", columns));
        Attribute refs = h.attr("ref_columns", list(ref("table.orgs.column.id")));
        assertUsersError(
                refs.pos(),
                "foreign key \"f\" of table \"users\": referenced table \"orgs\" not found",
                intColumn("a"),
                h.block("foreign_key", "f", h.attr("columns", list(ref("column.a"))), refs));
    }

    @Test
    void rejectsForeignTablesWhereTheTableItselfIsExpected() {
        Attribute pk = h.attr("columns", list(ref("table.orgs.column.id")));
        assertError(
                pk.pos(),
                "attribute \"columns\" of primary key of table \"users\": expected a column of table \"users\","
                        + " found a column of table \"orgs\"",
                h.block("schema", "main"),
                h.block("table", "orgs", intColumn("id")),
                h.block("table", "users", intColumn("a"), h.block("primary_key", "", pk)));
    }

    @Test
    void rejectsUnknownActionsAndMismatchedColumnCounts() {
        Attribute action = h.attr("on_delete", ident("CASCADES"));
        assertUsersError(
                action.pos(),
                "attribute \"on_delete\" of foreign key \"f\" of table \"users\": unknown action \"CASCADES\","
                        + " expected one of NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT",
                intColumn("a"),
                h.block(
                        "foreign_key",
                        "f",
                        h.attr("columns", list(ref("column.a"))),
                        h.attr("ref_columns", list(ref("column.a"))),
                        action));
        Attribute refs = h.attr("ref_columns", list(ref("column.a"), ref("column.b")));
        assertUsersError(
                refs.pos(),
                "foreign key \"f\" of table \"users\": expected as many ref_columns as columns, found 2 and 1",
                intColumn("a"),
                intColumn("b"),
                h.block("foreign_key", "f", h.attr("columns", list(ref("column.a"))), refs));
    }

    @Test
    void rejectsForeignKeysWithoutColumns() {
        Attribute columns = h.attr("columns", list());
        assertUsersError(
                columns.pos(),
                "foreign key \"f\" of table \"users\": expected at least one column",
                intColumn("a"),
                h.block("foreign_key", "f", columns, h.attr("ref_columns", list())));
    }

    @Test
    void rejectsDuplicateColumns() {
        Resource second = intColumn("a");
        assertUsersError(second.pos(), "column \"a\" of table \"users\": declared twice", intColumn("a"), second);
    }
}
