package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlitePlannerTest {

    private static final ColumnType INT = ColumnType.Named.of("int");
    private static final ColumnType TEXT = ColumnType.Named.of("text");

    private static Table simple() {
        return new Table(
                "t",
                List.of(Column.of("a", INT, false), Column.of("b", TEXT, true)),
                Optional.of(PrimaryKey.of("a")),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of());
    }

    private static List<String> sql(Plan plan) {
        return plan.changes().stream().map(PlannedChange::sql).toList();
    }

    private static List<String> comments(Plan plan) {
        return plan.changes().stream().map(PlannedChange::comment).toList();
    }

    private static Plan plan(SchemaChange... changes) {
        return new SqlitePlanner().plan(List.of(changes), PlanOptions.defaults());
    }

    @Test
    void createTableOnOneLine() {
        Plan plan = plan(new SchemaChange.AddTable("main", simple()));
        assertThat(plan.transactional()).isTrue();
        assertThat(plan.changes())
                .containsExactly(new PlannedChange(
                        "create \"t\" table", "CREATE TABLE `t` (`a` int NOT NULL, `b` text NULL, PRIMARY KEY (`a`))"));
    }

    @Test
    void createTableIndented() {
        Plan plan = new SqlitePlanner()
                .plan(List.of(new SchemaChange.AddTable("main", simple())), new PlanOptions(true, "  "));
        assertThat(sql(plan))
                .containsExactly("CREATE TABLE `t` (\n  `a` int NOT NULL,\n  `b` text NULL,\n  PRIMARY KEY (`a`)\n)");
    }

    @Test
    void createTableWithEverything() {
        Table table = new Table(
                "t",
                List.of(
                        new Column(
                                "id",
                                ColumnType.Named.of("integer"),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                Optional.empty(),
                                Map.of()),
                        Column.of("p", INT, true),
                        Column.of("s", ColumnType.Named.of("varchar", "10"), false)
                                .withDefault(new DefaultValue.Literal("'x'")),
                        Column.of("d", ColumnType.Named.of("datetime"), true)
                                .withDefault(new DefaultValue.RawExpr("CURRENT_TIMESTAMP")),
                        Column.of("e", TEXT, true).withDefault(new DefaultValue.RawExpr("datetime('now')")),
                        new Column(
                                "g",
                                INT,
                                true,
                                Optional.empty(),
                                Optional.of(new Generated("p * 2", "STORED")),
                                false,
                                Optional.empty(),
                                Map.of())),
                Optional.of(PrimaryKey.of("id")),
                List.of(
                        new Index(
                                "e_idx",
                                false,
                                List.of(IndexPart.expression("lower(s)"), new IndexPart("p", false, true, Map.of())),
                                Optional.of("p > 0"),
                                Optional.empty(),
                                Map.of()),
                        Index.of("sqlite_autoindex_t_1", true, "s", "p"),
                        Index.of("u_idx", true, "s")),
                List.of(
                        new ForeignKey(
                                "fk_p",
                                List.of("p"),
                                "main",
                                "t",
                                List.of("id"),
                                ReferenceAction.NO_ACTION,
                                ReferenceAction.CASCADE),
                        new ForeignKey(
                                "0",
                                List.of("p"),
                                "main",
                                "o",
                                List.of("x"),
                                ReferenceAction.SET_NULL,
                                ReferenceAction.RESTRICT)),
                List.of(Check.of("", "p > 0"), Check.of("s_len", "length(s) < 5")),
                Optional.empty(),
                Map.of("without_rowid", "true", "strict", "true"));
        Plan plan = plan(new SchemaChange.AddTable("main", table));
        assertThat(sql(plan))
                .containsExactly(
                        "CREATE TABLE `t` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `p` int NULL,"
                                + " `s` varchar NOT NULL DEFAULT 'x', `d` datetime NULL DEFAULT CURRENT_TIMESTAMP,"
                                + " `e` text NULL DEFAULT (datetime('now')), `g` int NULL AS (p * 2) STORED,"
                                + " CONSTRAINT `fk_p` FOREIGN KEY (`p`) REFERENCES `t` (`id`) ON UPDATE NO ACTION"
                                + " ON DELETE CASCADE,"
                                + " CONSTRAINT `0` FOREIGN KEY (`p`) REFERENCES `o` (`x`) ON UPDATE SET NULL ON DELETE RESTRICT,"
                                + " CHECK (p > 0), CONSTRAINT `s_len` CHECK (length(s) < 5)) WITHOUT ROWID, STRICT",
                        "CREATE INDEX `e_idx` ON `t` ((lower(s)), `p` DESC) WHERE p > 0",
                        "CREATE UNIQUE INDEX `t_s_p` ON `t` (`s`, `p`)",
                        "CREATE UNIQUE INDEX `u_idx` ON `t` (`s`)");
        assertThat(comments(plan))
                .containsExactly(
                        "create \"t\" table",
                        "create index \"e_idx\" to table: \"t\"",
                        "create index \"t_s_p\" to table: \"t\"",
                        "create index \"u_idx\" to table: \"t\"");
    }

    @Test
    void dropTablesSwitchForeignKeysOffOnce() {
        Plan plan = plan(
                new SchemaChange.DropTable("main", simple()),
                new SchemaChange.DropTable("main", simple().withName("u")));
        assertThat(plan.changes())
                .containsExactly(
                        new PlannedChange(
                                "disable the enforcement of foreign-keys constraints", "PRAGMA foreign_keys = off"),
                        new PlannedChange("drop \"t\" table", "DROP TABLE `t`"),
                        new PlannedChange("drop \"u\" table", "DROP TABLE `u`"),
                        new PlannedChange(
                                "enable back the enforcement of foreign-keys constraints", "PRAGMA foreign_keys = on"));
    }

    @Test
    void indexesAndAddableColumnsChangeInPlace() {
        Table from = simple().withIndexes(List.of(Index.of("i1", false, "b")));
        Column c = Column.of("c", INT, false).withDefault(new DefaultValue.Literal("0"));
        Table to = simple().withColumns(
                        List.of(from.columns().get(0), from.columns().get(1), c))
                .withIndexes(List.of(Index.of("i3", false, "c")));
        Plan plan = plan(new SchemaChange.ModifyTable(
                "main",
                from,
                to,
                List.of(
                        new TableChange.DropIndex(Index.of("i1", false, "b")),
                        new TableChange.AddColumn(c),
                        new TableChange.AddIndex(Index.of("i3", false, "c")))));
        assertThat(plan.changes())
                .containsExactly(
                        new PlannedChange("drop index \"i1\" from table: \"t\"", "DROP INDEX `i1`"),
                        new PlannedChange(
                                "add column \"c\" to table: \"t\"",
                                "ALTER TABLE `t` ADD COLUMN `c` int NOT NULL DEFAULT 0"),
                        new PlannedChange("create index \"i3\" to table: \"t\"", "CREATE INDEX `i3` ON `t` (`c`)"));
    }

    @Test
    void aChangedIndexRebuildsTheTable() {
        Table from = simple().withIndexes(List.of(Index.of("i2", false, "a")));
        Table to = simple().withIndexes(List.of(Index.of("i2", true, "a")));
        Plan plan = plan(new SchemaChange.ModifyTable(
                "main",
                from,
                to,
                List.of(new TableChange.ModifyIndex(Index.of("i2", false, "a"), Index.of("i2", true, "a")))));
        assertThat(sql(plan))
                .containsExactly(
                        "PRAGMA foreign_keys = off",
                        "CREATE TABLE `new_t` (`a` int NOT NULL, `b` text NULL, PRIMARY KEY (`a`))",
                        "INSERT INTO `new_t` (`a`, `b`) SELECT `a`, `b` FROM `t`",
                        "DROP TABLE `t`",
                        "ALTER TABLE `new_t` RENAME TO `t`",
                        "CREATE UNIQUE INDEX `i2` ON `t` (`a`)",
                        "PRAGMA foreign_keys = on");
    }

    @Test
    void otherChangesRebuildTheTable() {
        Table from = simple().withIndexes(List.of(Index.of("i1", false, "b")));
        Column b = Column.of("b", TEXT, false).withDefault(new DefaultValue.Literal("''"));
        Column c = Column.of("c", INT, false);
        Table to = simple().withColumns(List.of(from.columns().get(0), b, c));
        Plan plan = plan(new SchemaChange.ModifyTable(
                "main",
                from,
                to,
                List.of(
                        new TableChange.ModifyColumn(
                                from.columns().get(1),
                                b,
                                Set.of(TableChange.ColumnAspect.NULL, TableChange.ColumnAspect.DEFAULT)),
                        new TableChange.AddColumn(c))));
        assertThat(sql(plan))
                .containsExactly(
                        "PRAGMA foreign_keys = off",
                        "CREATE TABLE `new_t` (`a` int NOT NULL, `b` text NOT NULL DEFAULT '', `c` int NOT NULL,"
                                + " PRIMARY KEY (`a`))",
                        "INSERT INTO `new_t` (`a`, `b`) SELECT `a`, IFNULL(`b`, '') FROM `t`",
                        "DROP TABLE `t`",
                        "ALTER TABLE `new_t` RENAME TO `t`",
                        "PRAGMA foreign_keys = on");
        assertThat(comments(plan))
                .containsExactly(
                        "disable the enforcement of foreign-keys constraints",
                        "create \"new_t\" table",
                        "copy rows from old table \"t\" to new temporary table \"new_t\"",
                        "drop \"t\" table after copying rows",
                        "rename temporary table \"new_t\" to \"t\"",
                        "enable back the enforcement of foreign-keys constraints");
    }

    @Test
    void rebuildRecreatesIndexesAndHandlesNoCopiedColumns() {
        Table from = Table.of("t", List.of(Column.of("a", INT, true)));
        Table to = Table.of("t", List.of(Column.of("z", INT, true))).withIndexes(List.of(Index.of("iz", false, "z")));
        Plan plan = plan(new SchemaChange.ModifyTable(
                "main",
                from,
                to,
                List.of(
                        new TableChange.DropColumn(from.columns().get(0)),
                        new TableChange.AddColumn(to.columns().get(0)))));
        assertThat(plan.changes())
                .extracting(PlannedChange::comment, PlannedChange::sql)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "disable the enforcement of foreign-keys constraints", "PRAGMA foreign_keys = off"),
                        org.assertj.core.groups.Tuple.tuple(
                                "create \"new_t\" table", "CREATE TABLE `new_t` (`z` int NULL)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "drop \"t\" table without copying rows (no columns)", "DROP TABLE `t`"),
                        org.assertj.core.groups.Tuple.tuple(
                                "rename temporary table \"new_t\" to \"t\"", "ALTER TABLE `new_t` RENAME TO `t`"),
                        org.assertj.core.groups.Tuple.tuple(
                                "create index \"iz\" to table: \"t\"", "CREATE INDEX `iz` ON `t` (`z`)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "enable back the enforcement of foreign-keys constraints", "PRAGMA foreign_keys = on"));
    }

    @Test
    void columnsThatCannotBeAddedInPlaceRebuild() {
        Table from = simple();
        for (Column c : List.of(
                Column.of("c", INT, false),
                Column.of("c", TEXT, true).withDefault(new DefaultValue.RawExpr("CURRENT_TIMESTAMP")),
                new Column(
                        "c",
                        INT,
                        true,
                        Optional.empty(),
                        Optional.of(new Generated("a", "STORED")),
                        false,
                        Optional.empty(),
                        Map.of()))) {
            Table to = from.withColumns(
                    List.of(from.columns().get(0), from.columns().get(1), c));
            Plan plan = plan(new SchemaChange.ModifyTable("main", from, to, List.of(new TableChange.AddColumn(c))));
            assertThat(sql(plan)).as(c.toString()).contains("ALTER TABLE `new_t` RENAME TO `t`");
        }
    }

    @Test
    void autoIndexIsAddedInPlaceAsAUniqueIndexAndDroppedByARebuild() {
        Table from = simple();
        Table to = simple().withIndexes(List.of(Index.of("sqlite_autoindex_t_1", true, "b")));
        Plan added = plan(new SchemaChange.ModifyTable(
                "main", from, to, List.of(new TableChange.AddIndex(to.indexes().get(0)))));
        assertThat(sql(added)).containsExactly("CREATE UNIQUE INDEX `t_b` ON `t` (`b`)");
        Plan dropped = plan(new SchemaChange.ModifyTable(
                "main", to, from, List.of(new TableChange.DropIndex(to.indexes().get(0)))));
        assertThat(sql(dropped))
                .contains("CREATE TABLE `new_t` (`a` int NOT NULL, `b` text NULL, PRIMARY KEY (`a`))")
                .doesNotContain("DROP INDEX `t_b`");
    }

    @Test
    void autoIndexThatIsNotAConstraintIsRefused() {
        Table table = simple().withIndexes(List.of(Index.of("sqlite_autoindex_t_1", false, "b")));
        assertThatThrownBy(() -> plan(new SchemaChange.AddTable("main", table)))
                .isInstanceOf(PlanException.class)
                .hasMessage("index \"sqlite_autoindex_t_1\" of table \"t\": an index named sqlite_autoindex_* is a"
                        + " UNIQUE constraint and must be unique, over columns, without a predicate");
    }

    @Test
    void autoIncrementOutsideTheKeyIsRefused() {
        Table table = Table.of(
                "t",
                List.of(new Column(
                        "a", INT, false, Optional.empty(), Optional.empty(), true, Optional.empty(), Map.of())));
        assertThatThrownBy(() -> plan(new SchemaChange.AddTable("main", table)))
                .isInstanceOf(PlanException.class)
                .hasMessage("column \"a\" of table \"t\": auto_increment requires the column to be the table's only"
                        + " primary-key column");
    }

    @Test
    void schemasOtherThanMainAreRefused() {
        assertThatThrownBy(() -> plan(new SchemaChange.AddSchema(Schema.of("other", List.of()))))
                .isInstanceOf(PlanException.class)
                .hasMessage("schema \"other\": cannot add it, sqlite supports only the \"main\" schema");
        assertThat(plan(new SchemaChange.AddSchema(Schema.of("main", List.of())))
                        .isEmpty())
                .isTrue();
    }
}
