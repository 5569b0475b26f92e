package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.ConcurrentIndex;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import io.plumb.engine.schema.TableChange.ColumnAspect;
import io.plumb.engine.spec.SpecAttribute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the PostgreSQL planner's statements for enums, UNIQUE constraints, index options and concurrent indexes. */
class PostgresPlannerTest {

    private static final Table T = Table.of("t", List.of(Column.of("a", ColumnType.Named.of("text"), true)));

    private static List<String> sql(Plan plan) {
        return plan.changes().stream().map(PlannedChange::sql).toList();
    }

    private static Plan plan(PostgresPlanner planner, SchemaChange... changes) {
        return planner.plan(List.of(changes), PlanOptions.defaults());
    }

    private static Plan concurrently(SchemaChange... changes) {
        return new PostgresPlanner()
                .plan(List.of(changes), PlanOptions.defaults().withConcurrentIndex(new ConcurrentIndex(true, true)));
    }

    private static Schema withEnum(String values) {
        return new Schema("public", List.of(), Optional.empty(), Map.of("enum.mood", values));
    }

    private static SchemaChange addIndex(Index index) {
        return new SchemaChange.ModifyTable(
                "public", T, T.withIndexes(List.of(index)), List.of(new TableChange.AddIndex(index)));
    }

    @Test
    void enumValuesInsertedBeforeTheFirstOrAppendedUseTheirPosition() {
        Plan plan = plan(
                new PostgresPlanner(),
                new SchemaChange.ModifySchema(withEnum("'ok'"), withEnum("'sad', 'ok', 'happy'")));
        assertThat(sql(plan))
                .containsExactly(
                        "ALTER TYPE \"mood\" ADD VALUE 'sad' BEFORE 'ok'", "ALTER TYPE \"mood\" ADD VALUE 'happy'");
        assertThat(plan.transactional()).isTrue();
    }

    @Test
    void aQualifiedPlanQualifiesEnumTypesAndAnUnqualifiedOneDoesNotAsItsTables() {
        SchemaChange change = new SchemaChange.ModifySchema(withEnum("'ok'"), withEnum("'ok', 'sad'"));
        assertThat(sql(new PostgresPlanner().plan(List.of(change), new PlanOptions(true, ""))))
                .containsExactly("ALTER TYPE \"public\".\"mood\" ADD VALUE 'sad'");
        assertThat(sql(plan(new PostgresPlanner(), change))).containsExactly("ALTER TYPE \"mood\" ADD VALUE 'sad'");
    }

    @Test
    void anUnqualifiedPlanWritesTheTypesOfItsSchemaUnqualifiedAndOthersQualified() {
        Table table = Table.of(
                "t",
                List.of(
                        Column.of("mine", new ColumnType.Raw("\"public\".\"mood\""), false),
                        Column.of("theirs", new ColumnType.Raw("\"other\".\"mood\""), false)));
        assertThat(sql(plan(new PostgresPlanner(), new SchemaChange.AddTable("public", table))))
                .containsExactly(
                        "CREATE TABLE \"t\" (\"mine\" \"mood\" NOT NULL, \"theirs\" \"other\".\"mood\" NOT NULL)");
    }

    @Test
    void newSchemasCreateTheirEnumsBeforeTheirTables() {
        Schema schema = new Schema("app", List.of(), Optional.empty(), Map.of("enum.mood", "'a', 'it''s'"));
        assertThat(sql(new PostgresPlanner()
                        .plan(List.of(new SchemaChange.AddSchema(schema)), new PlanOptions(true, ""))))
                .containsExactly("CREATE SCHEMA \"app\"", "CREATE TYPE \"app\".\"mood\" AS ENUM ('a', 'it''s')");
    }

    @Test
    void removingOrReorderingEnumValuesIsRefused() {
        SchemaChange change = new SchemaChange.ModifySchema(withEnum("'a', 'b'"), withEnum("'b', 'a'"));
        assertThatThrownBy(() -> plan(new PostgresPlanner(), change))
                .isInstanceOf(PlanException.class)
                .hasMessage("enum \"mood\" of schema \"public\": values can only be added, not removed or reordered;"
                        + " found [a, b] changed to [b, a]");
    }

    @Test
    void schemaOptionChangesAloneSetNoComment() {
        assertThat(sql(plan(new PostgresPlanner(), new SchemaChange.ModifySchema(withEnum("'a'"), withEnum("'a'")))))
                .isEmpty();
    }

    @Test
    void uniqueConstraintsAreTableClausesAndIndexOptionsAreSpelledOut() {
        Index constraint = new Index(
                "t_a_key",
                true,
                IndexPart.columns("a"),
                Optional.empty(),
                Optional.empty(),
                Map.of(SpecAttribute.UNIQUE_CONSTRAINT, "true"));
        Index covering = new Index(
                "t_cover",
                false,
                List.of(
                        new IndexPart("a", false, false, Map.of("ops", "text_pattern_ops", "nulls_first", "true")),
                        new IndexPart("lower(a)", true, true, Map.of("nulls_last", "true"))),
                Optional.empty(),
                Optional.empty(),
                Map.of("include", "a,b"));
        Table table = new Table(
                "t",
                List.of(new Column(
                        "a",
                        ColumnType.Named.of("text"),
                        true,
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Optional.empty(),
                        Map.of("collate", "C"))),
                Optional.empty(),
                List.of(constraint, covering),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of());
        assertThat(sql(plan(new PostgresPlanner(), new SchemaChange.AddTable("public", table))))
                .containsExactly(
                        "CREATE TABLE \"t\" (\"a\" text COLLATE \"C\" NULL, CONSTRAINT \"t_a_key\" UNIQUE (\"a\"))",
                        "CREATE INDEX \"t_cover\" ON \"t\" (\"a\" text_pattern_ops NULLS FIRST,"
                                + " (lower(a)) DESC NULLS LAST) INCLUDE (\"a\", \"b\")");
        assertThat(sql(plan(new PostgresPlanner(), addIndex(constraint))))
                .containsExactly("ALTER TABLE \"t\" ADD CONSTRAINT \"t_a_key\" UNIQUE (\"a\")");
    }

    @Test
    void aUniqueConstraintEqualToThePrimaryKeyOrAnEarlierConstraintIsAddedAfterTheCreateTable() {
        // CREATE TABLE would merge it into the other key's index and never create it.
        Table table = new Table(
                "t",
                T.columns(),
                Optional.of(new PrimaryKey("", IndexPart.columns("a"), Map.of())),
                List.of(unique("t_a_key", Optional.empty()), unique("t_a_again", Optional.empty())),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of());
        assertThat(sql(plan(new PostgresPlanner(), new SchemaChange.AddTable("public", table))))
                .containsExactly(
                        "CREATE TABLE \"t\" (\"a\" text NULL, PRIMARY KEY (\"a\"))",
                        "ALTER TABLE \"t\" ADD CONSTRAINT \"t_a_key\" UNIQUE (\"a\")",
                        "ALTER TABLE \"t\" ADD CONSTRAINT \"t_a_again\" UNIQUE (\"a\")");
        // Other covering columns make another index: the constraint stays in the CREATE TABLE.
        Index covering = new Index(
                "t_a_cover",
                true,
                IndexPart.columns("a"),
                Optional.empty(),
                Optional.empty(),
                Map.of(SpecAttribute.UNIQUE_CONSTRAINT, "true", PostgresSpecDialect.INCLUDE, "b"));
        assertThat(sql(plan(
                        new PostgresPlanner(),
                        new SchemaChange.AddTable("public", table.withIndexes(List.of(covering))))))
                .containsExactly("CREATE TABLE \"t\" (\"a\" text NULL, PRIMARY KEY (\"a\"),"
                        + " CONSTRAINT \"t_a_cover\" UNIQUE (\"a\") INCLUDE (\"b\"))");
    }

    private static Index unique(String name, Optional<String> comment) {
        return new Index(
                name,
                true,
                IndexPart.columns("a"),
                Optional.empty(),
                comment,
                Map.of(SpecAttribute.UNIQUE_CONSTRAINT, "true"));
    }

    private static SchemaChange modifyIndex(Index from, Index to) {
        return new SchemaChange.ModifyTable(
                "public",
                T.withIndexes(List.of(from)),
                T.withIndexes(List.of(to)),
                List.of(new TableChange.ModifyIndex(from, to)));
    }

    @Test
    void theCommentOfAUniqueConstraintIsItsIndexsAndAChangeOfItAloneIsACommentStatement() {
        Index commented = unique("t_a_key", Optional.of("one a"));
        assertThat(sql(plan(
                        new PostgresPlanner(), new SchemaChange.AddTable("public", T.withIndexes(List.of(commented))))))
                .containsExactly(
                        "CREATE TABLE \"t\" (\"a\" text NULL, CONSTRAINT \"t_a_key\" UNIQUE (\"a\"))",
                        "COMMENT ON INDEX \"t_a_key\" IS 'one a'");
        assertThat(sql(plan(new PostgresPlanner(), addIndex(commented))))
                .containsExactly(
                        "ALTER TABLE \"t\" ADD CONSTRAINT \"t_a_key\" UNIQUE (\"a\")",
                        "COMMENT ON INDEX \"t_a_key\" IS 'one a'");
        // Neither the constraint nor an index is rebuilt for a comment: a foreign key may depend on the constraint.
        assertThat(sql(plan(new PostgresPlanner(), modifyIndex(commented, unique("t_a_key", Optional.empty())))))
                .containsExactly("COMMENT ON INDEX \"t_a_key\" IS NULL");
        Index index = new Index(
                "t_a", false, IndexPart.columns("a"), Optional.of("a > ''"), Optional.empty(), Map.of("type", "HASH"));
        Index described =
                new Index("t_a", false, index.parts(), Optional.of("(a > '')"), Optional.of("hashed"), index.options());
        assertThat(sql(plan(new PostgresPlanner(), modifyIndex(index, described))))
                .containsExactly("COMMENT ON INDEX \"t_a\" IS 'hashed'");
        // A comment with another change rebuilds, and sets the comment again after the constraint is added.
        Index covering = new Index(
                "t_a_key",
                true,
                IndexPart.columns("a"),
                Optional.empty(),
                Optional.of("two"),
                Map.of(SpecAttribute.UNIQUE_CONSTRAINT, "true", "include", "b"));
        assertThat(sql(plan(new PostgresPlanner(), modifyIndex(commented, covering))))
                .containsExactly(
                        "ALTER TABLE \"t\" DROP CONSTRAINT \"t_a_key\", ADD CONSTRAINT \"t_a_key\" UNIQUE (\"a\") INCLUDE (\"b\")",
                        "COMMENT ON INDEX \"t_a_key\" IS 'two'");
    }

    @Test
    void keyOptionsAreSpelledInTheirClausesAndAChangeDropsAndAddsTheConstraint() {
        Index plain = new Index(
                "t_a_key",
                true,
                IndexPart.columns("a"),
                Optional.empty(),
                Optional.empty(),
                Map.of(SpecAttribute.UNIQUE_CONSTRAINT, "true"));
        Index covering = new Index(
                "t_a_key",
                true,
                IndexPart.columns("a"),
                Optional.empty(),
                Optional.empty(),
                Map.of(SpecAttribute.UNIQUE_CONSTRAINT, "true", "nulls_distinct", "false", "include", "b,c"));
        PrimaryKey key = new PrimaryKey("", IndexPart.columns("a"), Map.of("include", "b"));
        Table table = new Table(
                "t",
                T.columns(),
                Optional.of(key),
                List.of(covering),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of());
        assertThat(sql(plan(new PostgresPlanner(), new SchemaChange.AddTable("public", table))))
                .containsExactly("CREATE TABLE \"t\" (\"a\" text NULL, PRIMARY KEY (\"a\") INCLUDE (\"b\"),"
                        + " CONSTRAINT \"t_a_key\" UNIQUE NULLS NOT DISTINCT (\"a\") INCLUDE (\"b\", \"c\"))");
        SchemaChange modify = new SchemaChange.ModifyTable(
                "public",
                T.withIndexes(List.of(plain)),
                table,
                List.of(new TableChange.AddPrimaryKey(key), new TableChange.ModifyIndex(plain, covering)));
        assertThat(sql(plan(new PostgresPlanner(), modify)))
                .containsExactly(
                        "ALTER TABLE \"t\" ADD PRIMARY KEY (\"a\") INCLUDE (\"b\"), DROP CONSTRAINT \"t_a_key\","
                                + " ADD CONSTRAINT \"t_a_key\" UNIQUE NULLS NOT DISTINCT (\"a\") INCLUDE (\"b\", \"c\")");
    }

    @Test
    void concurrentIndexPolicyMakesIndexStatementsOfExistingTablesConcurrentAndThePlanNonTransactional() {
        Index index = Index.of("t_a", false, "a");
        Plan add = concurrently(addIndex(index));
        assertThat(sql(add)).containsExactly("CREATE INDEX CONCURRENTLY \"t_a\" ON \"t\" (\"a\")");
        assertThat(add.transactional()).isFalse();
        Plan drop = concurrently(new SchemaChange.ModifyTable(
                "public", T.withIndexes(List.of(index)), T, List.of(new TableChange.DropIndex(index))));
        assertThat(sql(drop)).containsExactly("DROP INDEX CONCURRENTLY \"t_a\"");
        assertThat(drop.transactional()).isFalse();
        // A new table's indexes are created with it, in the transaction.
        Plan create = concurrently(new SchemaChange.AddTable("public", T.withIndexes(List.of(index))));
        assertThat(sql(create)).contains("CREATE INDEX \"t_a\" ON \"t\" (\"a\")");
        assertThat(create.transactional()).isTrue();
        assertThat(plan(new PostgresPlanner(), addIndex(index)).transactional()).isTrue();
    }

    @Test
    void identityOfAnExistingColumnIsAddedAndDropped() {
        Column plain = Column.of("id", ColumnType.Named.of("integer"), false);
        Column identity = new Column(
                "id",
                ColumnType.Named.of("integer"),
                false,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                Map.of("identity", "ALWAYS", "identity_start", "5"));
        Table t = Table.of("t", List.of(plain));
        SchemaChange add = new SchemaChange.ModifyTable(
                "public",
                t,
                t.withColumns(List.of(identity)),
                List.of(new TableChange.ModifyColumn(plain, identity, Set.of(ColumnAspect.OPTIONS))));
        assertThat(sql(plan(new PostgresPlanner(), add)))
                .containsExactly(
                        "ALTER TABLE \"t\" ALTER COLUMN \"id\" ADD GENERATED ALWAYS AS IDENTITY (START WITH 5)");
        SchemaChange drop = new SchemaChange.ModifyTable(
                "public",
                t.withColumns(List.of(identity)),
                t,
                List.of(new TableChange.ModifyColumn(identity, plain, Set.of(ColumnAspect.OPTIONS))));
        assertThat(sql(plan(new PostgresPlanner(), drop)))
                .containsExactly("ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP IDENTITY");
    }
}
