package io.plumb.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErdTest {

    private static final Pattern BOX = Pattern.compile(
            "<g class=\"table[^\"]*\" data-table=\"([^\"]+)\">\\n<rect class=\"box\" x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\"");

    private static int[] box(String svg, String table) {
        Matcher m = BOX.matcher(svg);
        while (m.find()) {
            if (m.group(1).equals(table)) {
                return new int[] {
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))
                };
            }
        }
        throw new AssertionError("no box for table " + table + " in\n" + svg);
    }

    @Test
    void drawsOneBoxPerTableAndOneEdgePerForeignKey() {
        String svg = Erd.svg(Fixtures.shop(), Set.of());

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"erd\"");
        assertThat(count(svg, "<g class=\"table")).isEqualTo(5);
        assertThat(count(svg, "<path class=\"fk\"")).isEqualTo(4);
        assertThat(svg)
                .contains("data-edge=\"order_items -&gt; orders\"")
                .contains("data-edge=\"order_items -&gt; products\"")
                .contains("data-edge=\"products -&gt; categories\"")
                .contains("data-edge=\"orders -&gt; users\"");
    }

    @Test
    void referencedTablesStandLeftOfTheTablesReferencingThem() {
        String svg = Erd.svg(Fixtures.shop(), Set.of());

        int[] users = box(svg, "users");
        int[] categories = box(svg, "categories");
        int[] orders = box(svg, "orders");
        int[] products = box(svg, "products");
        int[] items = box(svg, "order_items");
        assertThat(users[0]).isEqualTo(categories[0]);
        assertThat(orders[0]).isEqualTo(products[0]).isGreaterThan(users[0] + users[2]);
        assertThat(items[0]).isGreaterThan(orders[0] + orders[2]);
        // No two boxes of a layer overlap.
        assertThat(categories[1]).isNotEqualTo(users[1]);
        assertThat(products[1]).isNotEqualTo(orders[1]);
    }

    @Test
    void marksKeysAndTypes() {
        String svg = Erd.svg(Fixtures.shop(), Set.of());

        assertThat(svg)
                .contains(">PK</text><text x=\"")
                .containsPattern("data-column=\"user_id\">[^\\n]*>FK</text>[^\\n]*>user_id</text>[^\\n]*>bigint</text>")
                .containsPattern("data-column=\"name\">[^\\n]*>text\\?</text>");
    }

    @Test
    void highlightsDriftedTablesAndColumnsOnly() {
        String svg = Erd.svg(Fixtures.shop(), Set.of("users.email", "public.order_items"));

        assertThat(svg).contains("<g class=\"table drifted\" data-table=\"order_items\">");
        assertThat(svg).contains("<g class=\"table\" data-table=\"users\">");
        assertThat(svg).contains("<g class=\"column drifted\" data-column=\"email\">");
        assertThat(count(svg, "class=\"table drifted\"")).isEqualTo(1);
        assertThat(count(svg, "class=\"column drifted\"")).isEqualTo(1);
        assertThat(svg).contains("stroke=\"" + Erd.DRIFT_STROKE + "\"");
    }

    @Test
    void drawsViewsDashedRightOfTheTablesTheyRead() {
        String svg = Erd.svg(Fixtures.shop(), Set.of("order_totals"));

        assertThat(svg).contains("<g class=\"view drifted\" data-table=\"order_totals\">");
        assertThat(svg).contains(">view order_totals</text>");
        assertThat(svg)
                .containsPattern("<path class=\"reads\" data-edge=\"order_totals -&gt; order_items\"[^>]*"
                        + "stroke-dasharray=\"5 4\"");
        Matcher view = Pattern.compile(
                        "<g class=\"view drifted\" data-table=\"order_totals\">\n<rect class=\"box\" " + "x=\"(\\d+)\"")
                .matcher(svg);
        assertThat(view.find()).isTrue();
        int[] items = box(svg, "order_items");
        assertThat(Integer.parseInt(view.group(1))).isGreaterThan(items[0] + items[2]);
    }

    @Test
    void qualifiesTableNamesWhenTheRealmHasSeveralSchemas() {
        var accounts = Fixtures.table("accounts", List.of(Fixtures.col("id", "int", false)), "id", List.of());
        var logins = Fixtures.table(
                "logins",
                List.of(Fixtures.col("id", "int", false), Fixtures.col("account_id", "int", false)),
                "id",
                List.of(new ForeignKey(
                        "logins_account",
                        List.of("account_id"),
                        "auth",
                        "accounts",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.NO_ACTION)));

        String svg = Erd.svg(
                new Realm(List.of(Schema.of("auth", List.of(accounts)), Schema.of("audit", List.of(logins)))),
                Set.of("audit.logins.account_id"));

        assertThat(svg).contains("data-table=\"auth.accounts\"").contains("data-table=\"audit.logins\"");
        assertThat(svg).contains("data-edge=\"audit.logins -&gt; auth.accounts\"");
        assertThat(svg).contains("<g class=\"column drifted\" data-column=\"account_id\">");
    }

    @Test
    void isDeterministic() {
        assertThat(Erd.svg(Fixtures.shop(), Set.of("users.email", "orders")))
                .isEqualTo(Erd.svg(Fixtures.shop(), Set.of("orders", "users.email")));
    }

    @Test
    void survivesCyclesAndSelfReferences() {
        var a = Fixtures.table(
                "a",
                List.of(Fixtures.col("id", "int", false), Fixtures.col("b_id", "int", true)),
                "id",
                List.of(Fixtures.fk("a_b", "b_id", "b", "id")));
        var b = Fixtures.table(
                "b",
                List.of(
                        Fixtures.col("id", "int", false),
                        Fixtures.col("a_id", "int", true),
                        Fixtures.col("parent", "int", true)),
                "id",
                List.of(Fixtures.fk("b_a", "a_id", "a", "id"), Fixtures.fk("b_parent", "parent", "b", "id")));

        String svg = Erd.svg(Realm.of(Schema.of("public", List.of(a, b))), Set.of());

        assertThat(count(svg, "<g class=\"table")).isEqualTo(2);
        assertThat(count(svg, "<path class=\"fk\"")).isEqualTo(3);
    }

    @Test
    void escapesNamesFromTheDatabase() {
        var evil = Fixtures.table(
                "<img src=x onerror=alert(1)>", List.of(Fixtures.col("\"&'", "int", false)), "\"&'", List.of());

        String svg = Erd.svg(Realm.of(Schema.of("public", List.of(evil))), Set.of());

        assertThat(svg).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(svg).contains("&quot;&amp;&#39;").doesNotContain("\"&'");
    }

    @Test
    void anEmptySchemaSaysSo() {
        assertThat(Erd.svg(Realm.of(Schema.of("public", List.of())), Set.of())).contains(">no tables</text>");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
