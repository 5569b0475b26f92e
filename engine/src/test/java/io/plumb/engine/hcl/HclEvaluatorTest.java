package io.plumb.engine.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HclEvaluatorTest {

    static Document eval(String src, EvalOptions options) {
        return HclEvaluator.evaluate(List.of(Hcl.parse("x.hcl", src)), options);
    }

    static Document eval(String src) {
        return eval(src, EvalOptions.defaults());
    }

    /** Evaluates {@code expr} as attribute {@code v} of a block {@code t}. */
    static Value value(String expr) {
        return eval("t {\n  v = " + expr + "\n}\n")
                .resources()
                .get(0)
                .attribute("v")
                .orElseThrow()
                .value();
    }

    static Value.Str str(String s) {
        return new Value.Str(s);
    }

    static Value.Num num(String n) {
        return new Value.Num(new BigDecimal(n));
    }

    static void fails(String src, String message) {
        assertThatThrownBy(() -> eval(src)).isInstanceOf(HclException.class).hasMessage(message);
    }

    @Test
    void evaluatesTheAtlasExample() {
        String src =
                """
                variable "tenant" {
                  type    = string
                  default = "main"
                }
                locals { prefix = "app_" }
                schema "main" {}
                table "users" {
                  schema  = schema.main
                  comment = "${local.prefix}users"
                  column "id" {
                    null           = false
                    type           = integer
                    auto_increment = true
                  }
                  column "name" {
                    type    = varchar(255)
                    default = "anon"
                  }
                  column "created" {
                    default = sql("CURRENT_TIMESTAMP")
                  }
                  column "full" {
                    type = text
                    as {
                      expr = "first || ' ' || last"
                      type = STORED
                    }
                  }
                  primary_key { columns = [column.id] }
                  foreign_key "fk" {
                    ref_columns = [table.orgs.column.id]
                    on_delete   = CASCADE
                  }
                }
                table "orgs" {
                  schema = schema.main
                  column "tag" {
                    for_each = toset(["a", "b", "a"])
                    type = text
                    name = each.value
                  }
                }
                """;
        Document doc = eval(src);
        assertThat(doc.resources()).extracting(Resource::type).containsExactly("schema", "table", "table");
        Resource users = doc.resources("table").get(0);
        assertThat(users.pos()).isEqualTo(new Pos("x.hcl", 7, 1));
        assertThat(users.attribute("schema").orElseThrow().value()).isEqualTo(new Value.Ref(List.of("schema", "main")));
        assertThat(users.attribute("comment").orElseThrow().value()).isEqualTo(str("app_users"));
        assertThat(users.attribute("comment").orElseThrow().pos()).isEqualTo(new Pos("x.hcl", 9, 13));
        Resource id = users.children("column").get(0);
        assertThat(id.attributes()).extracting(Attribute::name).containsExactly("null", "type", "auto_increment");
        assertThat(id.attribute("type").orElseThrow().value()).isEqualTo(new Value.Ident("integer"));
        assertThat(users.children("column")
                        .get(1)
                        .attribute("type")
                        .orElseThrow()
                        .value())
                .isEqualTo(new Value.TypeCall("varchar", List.of(num("255"))));
        assertThat(users.children("column")
                        .get(2)
                        .attribute("default")
                        .orElseThrow()
                        .value())
                .isEqualTo(new Value.RawSql("CURRENT_TIMESTAMP"));
        assertThat(users.children("column")
                        .get(3)
                        .children("as")
                        .get(0)
                        .attribute("type")
                        .orElseThrow()
                        .value())
                .isEqualTo(new Value.Ident("STORED"));
        assertThat(users.children("primary_key")
                        .get(0)
                        .attribute("columns")
                        .orElseThrow()
                        .value())
                .isEqualTo(new Value.ListValue(List.of(new Value.Ref(List.of("column", "id")))));
        assertThat(users.children("foreign_key")
                        .get(0)
                        .attribute("ref_columns")
                        .orElseThrow()
                        .value())
                .isEqualTo(new Value.ListValue(List.of(new Value.Ref(List.of("table", "orgs", "column", "id")))));
        List<Resource> tags = doc.resources("table").get(1).children("column");
        assertThat(tags).hasSize(2);
        assertThat(tags).allSatisfy(t -> assertThat(t.labels()).containsExactly("tag"));
        assertThat(tags).allSatisfy(t -> assertThat(t.attribute("for_each")).isEmpty());
        assertThat(tags)
                .extracting(t -> t.attribute("name").orElseThrow().value())
                .containsExactly(str("a"), str("b"));
    }

    @Test
    void convertsInputVariablesToTheDeclaredType() {
        String src =
                """
                variable "n" { type = number }
                variable "b" { type = bool }
                variable "l" { type = list(number) }
                variable "s" { type = string }
                variable "any" { default = 1 }
                t {
                  v = [var.n, var.b, var.l, var.s, var.any]
                }
                """;
        EvalOptions options = EvalOptions.defaults()
                .withVariables(
                        Map.of("n", str("42"), "b", str("true"), "l", str("7"), "s", str("x"), "ignored", str("y")));
        Value v = eval(src, options)
                .resources()
                .get(0)
                .attribute("v")
                .orElseThrow()
                .value();
        assertThat(v)
                .isEqualTo(new Value.ListValue(List.of(
                        num("42"), new Value.Bool(true), new Value.ListValue(List.of(num("7"))), str("x"), num("1"))));
    }

    @Test
    void reportsVariableErrors() {
        fails("variable \"x\" {\n  type = string\n}\n", "missing value for required variable \"x\"");
        fails("t {\n  v = var.y\n}\n", "x.hcl:2:7: unknown variable \"y\"");
        assertThatThrownBy(() -> eval(
                        "variable \"n\" { type = number }\n",
                        EvalOptions.defaults().withVariables(Map.of("n", str("abc")))))
                .hasMessage("x.hcl:1:1: variable \"n\": cannot convert string \"abc\" to number");
    }

    @Test
    void evaluatesLocalsLazilyAndDetectsCycles() {
        Document doc =
                eval("locals {\n  b = \"${local.a}!\"\n}\nlocals {\n  a = upper(\"x\")\n}\nt {\n  v = local.b\n}\n");
        assertThat(doc.resources().get(0).attribute("v").orElseThrow().value()).isEqualTo(str("X!"));
        fails(
                "locals {\n  a = local.b\n  b = local.a\n}\nt {\n  v = local.a\n}\n",
                "x.hcl:3:7: locals depend on each other in a cycle: a -> b -> a");
        fails("t {\n  v = local.nope\n}\n", "x.hcl:2:7: unknown local \"nope\"");
    }

    @Test
    void expandsForEachOverMapsAndNestedBlocks() {
        Document doc = eval(
                """
                env {
                  for_each = {dev = 1, prod = 2}
                  name = each.key
                  n    = each.value
                  inner "i" {
                    for_each = [10, 20]
                    v = each.value
                  }
                }
                """);
        assertThat(doc.resources()).hasSize(2);
        assertThat(doc.resources().get(1).attribute("name").orElseThrow().value())
                .isEqualTo(str("prod"));
        assertThat(doc.resources().get(1).attribute("n").orElseThrow().value()).isEqualTo(num("2"));
        assertThat(doc.resources().get(0).children("inner"))
                .extracting(r -> r.attribute("v").orElseThrow().value())
                .containsExactly(num("10"), num("20"));
        fails(
                "t {\n  for_each = \"x\"\n}\n",
                "x.hcl:2:14: for_each of block \"t\" expects a set, list, map or object, found string");
    }

    @Test
    void rejectsDataSources() {
        fails("data \"sql\" \"x\" {\n}\n", "x.hcl:1:1: data source \"sql\" is not supported");
    }

    @Test
    void resolvesBlockNamesInTemplates() {
        Document doc = eval(
                """
                table "users" {}
                schema "s" {
                  name = "tenant"
                }
                view "v" {
                  as = "SELECT * FROM ${table.users.name} IN ${schema.s.name}"
                  dep = table.users
                }
                """);
        Resource view = doc.resources("view").get(0);
        assertThat(view.attribute("as").orElseThrow().value()).isEqualTo(str("SELECT * FROM users IN tenant"));
        assertThat(view.attribute("dep").orElseThrow().value()).isEqualTo(new Value.Ref(List.of("table", "users")));
        fails(
                "t {\n  v = \"a${column.id}\"\n}\n",
                "x.hcl:2:11: reference \"column.id\" cannot be used in a string"
                        + " (interpolation); only references to a block's name resolve to strings");
        fails(
                "t {\n  v = \"a${int}\"\n}\n",
                "x.hcl:2:11: identifier \"int\" cannot be used in a string (interpolation):"
                        + " it names nothing that has a value");
    }

    @Test
    void evaluatesOperatorsWithPrecedence() {
        assertThat(value("1 + 2 * 3")).isEqualTo(num("7"));
        assertThat(value("(1 + 2) * 3")).isEqualTo(num("9"));
        assertThat(value("5 / 2")).isEqualTo(num("2.5"));
        assertThat(value("7 % 3")).isEqualTo(num("1"));
        assertThat(value("-2 < 1 && !false || false")).isEqualTo(new Value.Bool(true));
        assertThat(value("\"1\" + 1")).isEqualTo(num("2"));
        assertThat(value("[1, \"a\"] == [1, \"a\"]")).isEqualTo(new Value.Bool(true));
        assertThat(value("1 != 1.0")).isEqualTo(new Value.Bool(false));
        assertThat(value("\"${4 / 2}\"")).isEqualTo(str("2"));
        fails(
                "t {\n  v = \"a\" + 1\n}\n",
                "x.hcl:2:11: operator \"+\" expects numbers, found string \"a\" and number 1");
        fails("t {\n  v = 1 / 0\n}\n", "x.hcl:2:9: division by zero");
    }

    @Test
    void evaluatesConditionalsIndexesAndSplats() {
        assertThat(value("true ? \"y\" : \"n\"")).isEqualTo(str("y"));
        assertThat(value("[1, 2][1]")).isEqualTo(num("2"));
        assertThat(value("{a = 1}[\"a\"]")).isEqualTo(num("1"));
        assertThat(value("{a = {b = 3}}.a.b")).isEqualTo(num("3"));
        assertThat(value("[[5]].0.0")).isEqualTo(num("5"));
        assertThat(value("[{a = 1}, {a = 2}][*].a")).isEqualTo(new Value.ListValue(List.of(num("1"), num("2"))));
        assertThat(value("[{a = 1}, {a = 2}].*.a")).isEqualTo(new Value.ListValue(List.of(num("1"), num("2"))));
        fails("t {\n  v = [1][3]\n}\n", "x.hcl:2:11: index 3 out of range for a list of 1 elements");
        fails("t {\n  v = 1[0]\n}\n", "x.hcl:2:9: cannot index a number; expected a list or an object");
        fails("t {\n  v = {a = 1}.b\n}\n", "x.hcl:2:15: unknown attribute \"b\": the object has only a");
        fails("t {\n  v = 1 ? 2 : 3\n}\n", "x.hcl:2:7: condition: expected a bool, found number");
    }

    @Test
    void evaluatesForExpressions() {
        assertThat(value("[for i, v in [\"a\", \"b\"] : \"${i}${v}\" if v != \"c\"]"))
                .isEqualTo(new Value.ListValue(List.of(str("0a"), str("1b"))));
        assertThat(value("{for k, v in {a = 1, b = 2} : v => k}"))
                .isEqualTo(new Value.ObjectValue(Map.of("1", str("a"), "2", str("b"))));
        assertThat(value("{for v in [\"a\", \"ab\"] : substr(v, 0, 1) => v...}"))
                .isEqualTo(new Value.ObjectValue(Map.of("a", new Value.ListValue(List.of(str("a"), str("ab"))))));
        fails(
                "t {\n  v = {for v in [1, 1] : v => v}\n}\n",
                "x.hcl:2:26: duplicate key \"1\" in for expression; use"
                        + " \"...\" after the value to group values by key");
        fails(
                "t {\n  v = [for v in 1 : v]\n}\n",
                "x.hcl:2:17: for expression expects a list, set or object to iterate," + " found number");
    }

    @Test
    void evaluatesHeredocsAndTemplates() {
        assertThat(value("<<-EOT\n    a ${1 + 1}\n      b\n    EOT")).isEqualTo(str("a 2\n  b\n"));
        assertThat(value("\"x\\ty$${z}\"")).isEqualTo(str("x\ty${z}"));
        assertThat(value("\"${[1]}\"")).isEqualTo(new Value.ListValue(List.of(num("1"))));
        assertThat(value("\"${true}\"")).isEqualTo(str("true"));
    }

    @Test
    void bindsExtraRoots() {
        Document doc = eval(
                "env {\n  name = atlas.env\n}\n",
                EvalOptions.defaults().withRoots(Map.of("atlas", new Value.ObjectValue(Map.of("env", str("dev"))))));
        assertThat(doc.resources().get(0).attribute("name").orElseThrow().value())
                .isEqualTo(str("dev"));
    }

    @Test
    void keepsFileOrderAcrossFiles() {
        Document doc = HclEvaluator.evaluate(
                List.of(Hcl.parse("a.hcl", "b {}\na {}\n"), Hcl.parse("b.hcl", "c {}\n")), EvalOptions.defaults());
        assertThat(doc.resources()).extracting(Resource::type).containsExactly("b", "a", "c");
        assertThat(doc.resources().get(2).pos()).isEqualTo(new Pos("b.hcl", 1, 1));
    }
}
