package io.plumb.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which tables and objects an object or a table uses, from what it declares and what its texts name. */
class ReferencesTest {

    private static final ObjectRef USERS = ObjectRef.table("public", "users");
    private static final ObjectRef ORDERS = ObjectRef.table("public", "orders");
    private static final ObjectRef POSITIVE = new ObjectRef(ObjectKind.FUNCTION, "public", "positive(integer)");
    private static final ObjectRef SEQ = new ObjectRef(ObjectKind.SEQUENCE, "public", "order_ids");
    private static final List<ObjectRef> ALL = List.of(USERS, ORDERS, POSITIVE, SEQ);

    @Test
    void aViewUsesTheNamesItsQueryMentionsQuotedOrNotInAnyCase() {
        View view = View.of("v", "SELECT u.id FROM \"users\" u WHERE POSITIVE(u.id)");

        assertThat(References.of("public", view, ALL)).containsExactly(USERS, POSITIVE);
    }

    @Test
    void aDeclaredRoutineWithoutItsSignatureCoversItsOverloads() {
        View view = View.of("v", "SELECT 1")
                .withDependsOn(List.of(new ObjectRef(ObjectKind.FUNCTION, "public", "positive")));

        assertThat(References.of("public", view, ALL)).containsExactly(POSITIVE);
    }

    @Test
    void aTriggerUsesItsTableAndAStringLiteralNamesASequence() {
        Trigger trigger = new Trigger(
                "t",
                ORDERS,
                "BEFORE",
                List.of("INSERT"),
                List.of(),
                true,
                Optional.empty(),
                Optional.of("BEGIN SELECT nextval('order_ids'); END"),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                List.of());

        assertThat(References.of("public", trigger, ALL)).containsExactly(ORDERS, SEQ);
    }

    @Test
    void aTableUsesTheTablesOfItsKeysAndTheObjectsOfItsExpressionsButNotOtherTablesByName() {
        Table orders = new Table(
                "orders",
                List.of(Column.of("id", ColumnType.Named.of("integer"), false)
                        .withDefault(new DefaultValue.RawExpr("nextval('order_ids'::regclass)"))),
                Optional.empty(),
                List.of(),
                List.of(new ForeignKey(
                        "fk",
                        List.of("id"),
                        "public",
                        "users",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.NO_ACTION)),
                List.of(Check.of("c", "positive(id) AND users IS NOT NULL")),
                Optional.empty(),
                Map.of());

        assertThat(References.of("public", orders, ALL)).containsExactly(USERS, POSITIVE, SEQ);
    }
}
