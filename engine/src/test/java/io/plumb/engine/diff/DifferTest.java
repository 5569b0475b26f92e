package io.plumb.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.dialect.sqlite.SqliteNormalizer;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import io.plumb.engine.schema.TableChange.ColumnAspect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DifferTest {

    private static final ColumnType INT = ColumnType.Named.of("int");
    private static final DiffOptions OPTIONS = DiffOptions.of(new SqliteNormalizer());

    private static Table table(String name, List<Column> columns, List<Index> indexes, List<Check> checks) {
        return new Table(name, columns, Optional.empty(), indexes, List.of(), checks, Optional.empty(), Map.of());
    }

    private static Realm realm(Table... tables) {
        return Realm.of(Schema.of("main", List.of(tables)));
    }

    @Test
    void equalRealmsHaveNoChanges() {
        Table t = table("t", List.of(Column.of("a", INT, false)), List.of(Index.of("i", false, "a")), List.of());
        assertThat(new Differ().diff(realm(t), realm(t), OPTIONS)).isEmpty();
    }

    @Test
    void tablesAreDroppedModifiedThenAdded() {
        Table a = Table.of("a", List.of(Column.of("x", INT, false)));
        Table b = Table.of("b", List.of(Column.of("x", INT, false)));
        Table b2 = Table.of("b", List.of(Column.of("x", INT, true)));
        Table c = Table.of("c", List.of(Column.of("x", INT, false)));
        List<SchemaChange> changes = new Differ().diff(realm(a, b), realm(c, b2), OPTIONS);
        assertThat(changes)
                .containsExactly(
                        new SchemaChange.DropTable("main", a),
                        new SchemaChange.ModifyTable(
                                "main",
                                b,
                                b2,
                                List.of(new TableChange.ModifyColumn(
                                        b.columns().get(0), b2.columns().get(0), Set.of(ColumnAspect.NULL)))),
                        new SchemaChange.AddTable("main", c));
    }

    @Test
    void schemasAreAddedWithTheirTablesAndDroppedAfterModifications() {
        Table t = Table.of("t", List.of(Column.of("x", INT, false)));
        Schema old = Schema.of("old", List.of(t));
        Schema fresh = Schema.of("fresh", List.of(t));
        List<SchemaChange> changes = new Differ().diff(Realm.of(old), Realm.of(fresh), OPTIONS);
        assertThat(changes)
                .containsExactly(
                        new SchemaChange.DropSchema(old),
                        new SchemaChange.AddSchema(fresh),
                        new SchemaChange.AddTable("fresh", t));
    }

    @Test
    void changesInsideATableComeInAtlasOrder() {
        Column a = Column.of("a", INT, false);
        Column b = Column.of("b", INT, true);
        Column b2 = Column.of("b", ColumnType.Named.of("text"), true).withDefault(new DefaultValue.Literal("'x'"));
        Column c = Column.of("c", INT, true);
        Table from = new Table(
                "t",
                List.of(a, b),
                Optional.empty(),
                List.of(Index.of("gone", false, "a"), Index.of("kept", false, "a")),
                List.of(new ForeignKey(
                        "fk",
                        List.of("a"),
                        "main",
                        "r",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.NO_ACTION)),
                List.of(Check.of("old", "a > 0")),
                Optional.empty(),
                Map.of());
        Table to = new Table(
                "t",
                List.of(b2, c),
                Optional.of(PrimaryKey.of("c")),
                List.of(Index.of("kept", true, "a"), Index.of("new", false, "c")),
                List.of(),
                List.of(Check.of("", "c > 0")),
                Optional.empty(),
                Map.of("strict", "true"));
        SchemaChange.ModifyTable m = (SchemaChange.ModifyTable)
                new Differ().diff(realm(from), realm(to), OPTIONS).get(0);
        assertThat(m.changes())
                .containsExactly(
                        new TableChange.ModifyAttributes(from, to),
                        new TableChange.DropCheck(Check.of("old", "a > 0")),
                        new TableChange.AddCheck(Check.of("", "c > 0")),
                        new TableChange.DropColumn(a),
                        new TableChange.ModifyColumn(b, b2, Set.of(ColumnAspect.TYPE, ColumnAspect.DEFAULT)),
                        new TableChange.AddColumn(c),
                        new TableChange.AddPrimaryKey(PrimaryKey.of("c")),
                        new TableChange.DropIndex(Index.of("gone", false, "a")),
                        new TableChange.ModifyIndex(Index.of("kept", false, "a"), Index.of("kept", true, "a")),
                        new TableChange.AddIndex(Index.of("new", false, "c")),
                        new TableChange.DropForeignKey(from.foreignKeys().get(0)));
    }

    @Test
    void normalizerDecidesWhatIsTheSame() {
        Column from = Column.of("a", ColumnType.Named.of("varchar", "10"), true)
                .withDefault(new DefaultValue.RawExpr("current_timestamp"));
        Column to = Column.of("a", new ColumnType.Raw("VARCHAR(10)"), true)
                .withDefault(new DefaultValue.RawExpr("(CURRENT_TIMESTAMP)"));
        Table a = table("t", List.of(from), List.of(), List.of(Check.of("", "(\"a\" > 0)")));
        Table b = table("t", List.of(to), List.of(), List.of(Check.of("", "a>0")));
        assertThat(new Differ().diff(realm(a), realm(b), OPTIONS)).isEmpty();
    }

    @Test
    void unnamedChecksMatchByExpressionAndNamedByName() {
        Table a = table("t", List.of(), List.of(), List.of(Check.of("", "x > 1"), Check.of("n", "y > 1")));
        Table b = table("t", List.of(), List.of(), List.of(Check.of("n", "y > 2"), Check.of("", "x > 1")));
        SchemaChange.ModifyTable m = (SchemaChange.ModifyTable)
                new Differ().diff(realm(a), realm(b), OPTIONS).get(0);
        assertThat(m.changes())
                .containsExactly(new TableChange.ModifyCheck(Check.of("n", "y > 1"), Check.of("n", "y > 2")));
    }

    @Test
    void ordinalForeignKeysMatchByColumnsAndReference() {
        ForeignKey one = new ForeignKey(
                "1", List.of("a"), "main", "r", List.of("id"), ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
        ForeignKey named = new ForeignKey(
                "0", List.of("b"), "main", "r", List.of("id"), ReferenceAction.NO_ACTION, ReferenceAction.NO_ACTION);
        ForeignKey renumbered = new ForeignKey(
                "0", List.of("a"), "main", "r", List.of("id"), ReferenceAction.NO_ACTION, ReferenceAction.CASCADE);
        Table a = new Table(
                "t",
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(one, named),
                List.of(),
                Optional.empty(),
                Map.of());
        Table b = new Table(
                "t",
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(renumbered),
                List.of(),
                Optional.empty(),
                Map.of());
        SchemaChange.ModifyTable m = (SchemaChange.ModifyTable)
                new Differ().diff(realm(a), realm(b), OPTIONS).get(0);
        assertThat(m.changes()).containsExactly(new TableChange.DropForeignKey(named));
    }

    @Test
    void skippedKindsAreLeftOut() {
        Table a = Table.of("a", List.of(Column.of("x", INT, false)));
        Table b = Table.of("b", List.of(Column.of("x", INT, false)));
        Table b2 = Table.of("b", List.of(Column.of("x", INT, false), Column.of("y", INT, true)));
        DiffOptions skip =
                new DiffOptions(new SqliteNormalizer(), DiffPolicy.skipping(List.of("drop_table", "add_column")));
        assertThat(new Differ().diff(realm(a, b), realm(b2), skip)).isEmpty();
        DiffOptions skipModify = new DiffOptions(new SqliteNormalizer(), DiffPolicy.skipping(List.of("modify_table")));
        assertThat(new Differ().diff(realm(a, b), realm(b2), skipModify))
                .containsExactly(new SchemaChange.DropTable("main", a));
    }

    @Test
    void unknownSkipKeyIsRejected() {
        assertThat(ChangeKind.fromKey("rename_constraint")).isEqualTo(ChangeKind.RENAME_CONSTRAINT);
        assertThatThrownBy(() -> ChangeKind.fromKey("drop_everything"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown change kind \"drop_everything\", expected one of add_schema, ");
    }
}
