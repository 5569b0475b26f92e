package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import io.plumb.engine.schema.TableChange.ColumnAspect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the PostgreSQL types, normalizer, planner and spec errors without a server. */
class PostgresUnitTest {

    private final PostgresNormalizer normalizer = new PostgresNormalizer();

    @Test
    void typeAliasesCompareAsTheirCanonicalNames() {
        assertThat(normalizer.typeKey(ColumnType.Named.of("int4"))).isEqualTo("integer");
        assertThat(normalizer.typeKey(ColumnType.Named.of("int"))).isEqualTo("integer");
        assertThat(normalizer.typeKey(ColumnType.Named.of("varchar", "9"))).isEqualTo("character varying(9)");
        assertThat(normalizer.typeKey(ColumnType.Named.of("timestamp", "6"))).isEqualTo("timestamp");
        assertThat(normalizer.typeKey(ColumnType.Named.of("float", "10"))).isEqualTo("real");
        assertThat(normalizer.typeKey(ColumnType.Named.of("serial4"))).isEqualTo("serial");
        assertThat(normalizer.typeKey(ColumnType.Named.of("integer")))
                .isNotEqualTo(normalizer.typeKey(ColumnType.Named.of("bigint")));
    }

    @Test
    void catalogTypesAreReadIntoCanonicalNamesOrRawSql() {
        assertThat(PostgresTypes.fromCatalog("timestamp(3) with time zone"))
                .isEqualTo(ColumnType.Named.of("timestamptz", "3"));
        assertThat(PostgresTypes.fromCatalog("character varying(255)"))
                .isEqualTo(ColumnType.Named.of("character varying", "255"));
        assertThat(PostgresTypes.fromCatalog("numeric(10,2)")).isEqualTo(ColumnType.Named.of("numeric", "10", "2"));
        assertThat(PostgresTypes.fromCatalog("integer[]")).isEqualTo(new ColumnType.Raw("integer[]"));
        assertThat(PostgresTypes.fromCatalog("status")).isEqualTo(new ColumnType.Raw("status"));
    }

    @Test
    void storedDefaultsAndExpressionsCompareWithoutCastsAndParentheses() {
        ColumnType text = ColumnType.Named.of("text");
        assertThat(PostgresDefaults.fromCatalog("'it''s'::text", text)).isEqualTo(new DefaultValue.Literal("'it''s'"));
        assertThat(PostgresDefaults.fromCatalog("-1", ColumnType.Named.of("integer")))
                .isEqualTo(new DefaultValue.Literal("-1"));
        // Parenthesised or cast, a number is the expression PostgreSQL printed, as the reference keeps it.
        assertThat(PostgresDefaults.fromCatalog("(-1)", ColumnType.Named.of("integer")))
                .isEqualTo(new DefaultValue.RawExpr("(-1)"));
        assertThat(PostgresDefaults.fromCatalog("(1)::bigint", ColumnType.Named.of("integer")))
                .isEqualTo(new DefaultValue.RawExpr("(1)::bigint"));
        assertThat(PostgresDefaults.fromCatalog("'1.5'::numeric", ColumnType.Named.of("numeric")))
                .isEqualTo(new DefaultValue.Literal("1.5"));
        assertThat(PostgresDefaults.fromCatalog("now()", text)).isEqualTo(new DefaultValue.RawExpr("now()"));
        assertThat(normalizer.expressionKey("(price > (0)::numeric)")).isEqualTo(normalizer.expressionKey("price > 0"));
        assertThat(normalizer.expressionKey("name <> ''::text")).isEqualTo(normalizer.expressionKey("name <> ''"));
        assertThat(normalizer.expressionKey("name <> 'A'")).isNotEqualTo(normalizer.expressionKey("name <> 'a'"));
    }

    @Test
    void qualifiedPlansNameTheSchemaOfTablesAndIndexes() {
        Table table = new Table(
                "users",
                List.of(Column.of("id", ColumnType.Named.of("integer"), false)),
                Optional.of(PrimaryKey.of("id")),
                List.of(io.plumb.engine.schema.Index.of("users_id", true, "id")),
                List.of(),
                List.of(),
                Optional.of("people"),
                Map.of());
        List<PlannedChange> plan = new PostgresPlanner()
                .plan(List.of(new SchemaChange.AddTable("app", table)), new PlanOptions(true, ""))
                .changes();
        assertThat(plan)
                .extracting(PlannedChange::sql)
                .containsExactly(
                        "CREATE TABLE \"app\".\"users\" (\"id\" integer NOT NULL, PRIMARY KEY (\"id\"))",
                        "CREATE UNIQUE INDEX \"users_id\" ON \"app\".\"users\" (\"id\")",
                        "COMMENT ON TABLE \"app\".\"users\" IS 'people'");
        assertThat(plan.get(0).comment()).isEqualTo("create \"users\" table");
    }

    @Test
    void changingATypeToSerialCreatesItsSequenceFirst() {
        assertThat(planTypeChange("integer", "smallserial", true))
                .containsExactly(
                        "CREATE SEQUENCE IF NOT EXISTS \"t_id_seq\" AS smallint OWNED BY \"t\".\"id\"",
                        "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET DEFAULT nextval('\"t_id_seq\"'),"
                                + " ALTER COLUMN \"id\" TYPE smallint");
        assertThat(planTypeChange("bigint", "bigserial", false))
                .containsExactly(
                        "CREATE SEQUENCE IF NOT EXISTS \"app\".\"t_id_seq\" AS bigint OWNED BY \"app\".\"t\".\"id\"",
                        "ALTER TABLE \"app\".\"t\" ALTER COLUMN \"id\" SET DEFAULT nextval('\"app\".\"t_id_seq\"')");
    }

    @Test
    void changingASerialToAnIntegerDropsItsSequenceAfter() {
        assertThat(planTypeChange("serial", "bigint", true))
                .containsExactly(
                        "ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP DEFAULT, ALTER COLUMN \"id\" TYPE bigint",
                        "DROP SEQUENCE IF EXISTS \"t_id_seq\"");
        assertThat(planTypeChange("smallserial", "smallint", true))
                .containsExactly(
                        "ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP DEFAULT", "DROP SEQUENCE IF EXISTS \"t_id_seq\"");
    }

    @Test
    void changingOneSerialTypeToAnotherChangesTheSequenceToo() {
        assertThat(planTypeChange("bigserial", "serial", true))
                .containsExactly(
                        "ALTER TABLE \"t\" ALTER COLUMN \"id\" TYPE integer", "ALTER SEQUENCE \"t_id_seq\" AS integer");
    }

    @Test
    void aSerialReplacedByAnIntegerWithADefaultSetsItInsteadOfDroppingIt() {
        Column from = Column.of("id", ColumnType.Named.of("serial"), false);
        Column to = new Column(
                "id",
                ColumnType.Named.of("integer"),
                false,
                Optional.of(new DefaultValue.Literal("0")),
                Optional.empty(),
                false,
                Optional.empty(),
                Map.of());
        assertThat(planColumnChange(from, to, Set.of(ColumnAspect.TYPE, ColumnAspect.DEFAULT), true))
                .containsExactly(
                        "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET DEFAULT 0", "DROP SEQUENCE IF EXISTS \"t_id_seq\"");
    }

    private static List<String> planTypeChange(String from, String to, boolean bound) {
        return planColumnChange(
                Column.of("id", ColumnType.Named.of(from), false),
                Column.of("id", ColumnType.Named.of(to), false),
                Set.of(ColumnAspect.TYPE),
                bound);
    }

    private static List<String> planColumnChange(Column from, Column to, Set<ColumnAspect> aspects, boolean bound) {
        Table t = Table.of("t", List.of(from));
        SchemaChange change = new SchemaChange.ModifyTable(
                "app", t, t.withColumns(List.of(to)), List.of(new TableChange.ModifyColumn(from, to, aspects)));
        return new PostgresPlanner()
                .plan(List.of(change), new PlanOptions(!bound, "")).changes().stream()
                        .map(PlannedChange::sql)
                        .toList();
    }

    @Test
    void unknownTypeIsAnErrorAtTheAttribute() {
        String hcl =
                """
                schema "public" {
                }
                table "t" {
                  schema = schema.public
                  column "id" {
                    type = integr
                  }
                }
                """;
        assertThatThrownBy(() -> new PostgresSchemaSpec()
                        .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults())))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("schema.hcl:6:12")
                .hasMessageContaining("column \"id\" of table \"t\": unknown type \"integr\"");
    }

    @Test
    void indexTypeIsReadUpperCaseAndBtreeIsTheDefault() {
        io.plumb.engine.schema.Index index = new io.plumb.engine.schema.Index(
                "i",
                false,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Map.of("type", "btree", "nulls_distinct", "true"));
        assertThat(PostgresSchemaSpec.normalize(index).options()).isEmpty();
        assertThat(PostgresSchemaSpec.normalize(new io.plumb.engine.schema.Index(
                                "i", false, List.of(), Optional.empty(), Optional.empty(), Map.of("type", "gin")))
                        .options())
                .containsExactly(Map.entry("type", "GIN"));
    }
}
