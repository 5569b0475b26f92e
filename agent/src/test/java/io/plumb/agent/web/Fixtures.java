package io.plumb.agent.web;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.View;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small shop schema and the dashboard data around it, shared by the page, diagram and browser tests. */
final class Fixtures {

    static final Instant CHECKED = Instant.parse("2026-12-06T21:00:00Z");

    private Fixtures() {}

    static Column col(String name, String type, boolean nullable) {
        return Column.of(name, ColumnType.Named.of(type), nullable);
    }

    static Table table(String name, List<Column> columns, String pk, List<ForeignKey> fks) {
        return new Table(
                name, columns, Optional.of(PrimaryKey.of(pk)), List.of(), fks, List.of(), Optional.empty(), Map.of());
    }

    static ForeignKey fk(String name, String column, String refTable, String refColumn) {
        return new ForeignKey(
                name,
                List.of(column),
                "public",
                refTable,
                List.of(refColumn),
                ReferenceAction.NO_ACTION,
                ReferenceAction.CASCADE);
    }

    /** users <- orders <- order_items -> products, categories <- products, and a view over order_items. */
    static Realm shop() {
        Table users = table(
                "users",
                List.of(col("id", "bigint", false), col("email", "varchar(255)", false), col("name", "text", true)),
                "id",
                List.of());
        Table categories =
                table("categories", List.of(col("id", "integer", false), col("title", "text", false)), "id", List.of());
        Table products = table(
                "products",
                List.of(
                        col("id", "bigint", false),
                        col("category_id", "integer", false),
                        col("sku", "text", false),
                        col("price", "numeric(10,2)", false)),
                "id",
                List.of(fk("products_category_fk", "category_id", "categories", "id")));
        Table orders = table(
                "orders",
                List.of(
                        col("id", "bigint", false),
                        col("user_id", "bigint", false),
                        col("placed_at", "timestamptz", false)),
                "id",
                List.of(fk("orders_user_fk", "user_id", "users", "id")));
        Table items = table(
                "order_items",
                List.of(
                        col("id", "bigint", false),
                        col("order_id", "bigint", false),
                        col("product_id", "bigint", false),
                        col("quantity", "integer", false)),
                "id",
                List.of(
                        fk("items_order_fk", "order_id", "orders", "id"),
                        fk("items_product_fk", "product_id", "products", "id")));
        View totals = new View(
                "order_totals",
                false,
                List.of(col("order_id", "bigint", true), col("total", "numeric", true)),
                "SELECT order_id, sum(quantity) FROM order_items GROUP BY order_id",
                List.of(),
                Optional.empty(),
                List.of(ObjectRef.table("public", "order_items")),
                Map.of());
        return Realm.of(Schema.of("public", List.of(users, categories, products, orders, items))
                .withObjects(List.of(totals)));
    }

    static List<TargetRow> rows() {
        return List.of(
                new TargetRow("tenant-001", "synced", "20240301000000", "20240301000000", 0, CHECKED, null),
                new TargetRow("tenant-002", "synced", "20240301000000", "20240301000000", 0, CHECKED, null),
                new TargetRow("tenant-003", "pending", "20240102000000", "20240301000000", 2, CHECKED, null),
                new TargetRow(
                        "prod eu/main",
                        "drifted",
                        "20240301000000",
                        "20240301000000",
                        0,
                        CHECKED,
                        "column \"email\" of table \"users\" changed\nindex \"users_email\" dropped"),
                new TargetRow(
                        "<script>alert('x')</script>",
                        "error",
                        null,
                        "20240301000000",
                        0,
                        null,
                        "password authentication failed for user \"app\" (password ****)"));
    }

    static final String HCL_DIFF =
            """
            --- expected
            +++ actual
            @@ -5,7 +5,7 @@
               column "email" {
                 null = false
            -    type = varchar(255)
            +    type = text
               }
            -  index "users_email" {
            -    columns = [column.email]
            -  }
             }
            """;

    static TargetDetail driftedDetail() {
        return new TargetDetail(
                rows().get(3),
                HCL_DIFF,
                """
                ALTER TABLE "users" ALTER COLUMN "email" TYPE varchar(255);
                CREATE INDEX "users_email" ON "users" ("email");
                """,
                true,
                List.of(new ChangelogEntry(
                        Instant.parse("2026-12-05T09:30:00Z"),
                        "modify column \"email\" of table \"users\"; drop index \"users_email\"",
                        "-    type = varchar(255)\n+    type = text\n")),
                shop(),
                Set.of("users.email", "order_items"));
    }
}
