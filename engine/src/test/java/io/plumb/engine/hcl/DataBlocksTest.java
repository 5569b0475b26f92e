package io.plumb.engine.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataBlocksTest {

    /** Resolves "echo" blocks to an object of their attributes, and records the order it resolved them in. */
    static final class Echo implements DataSources {
        final List<String> resolved = new ArrayList<>();

        @Override
        public Set<String> types() {
            return Set.of("echo");
        }

        @Override
        public Value resolve(Resource block) {
            resolved.add(block.labels().get(1));
            Map<String, Value> fields = new LinkedHashMap<>();
            block.attributes().forEach(a -> fields.put(a.name(), a.value()));
            block.children().forEach(c -> fields.put(c.type() + "." + c.labels().get(0), new Value.Bool(true)));
            return new Value.ObjectValue(fields);
        }
    }

    private static Document eval(String src, DataSources sources) {
        return HclEvaluator.evaluate(
                List.of(Hcl.parse("x.hcl", src)), EvalOptions.defaults().withDataSources(sources));
    }

    @Test
    void resolvesReferencedBlocksAfterTheBlocksTheyUse() {
        Echo echo = new Echo();
        Document doc = eval(
                """
                data "echo" "last" {
                  v = "${data.echo.first.v}-${local.middle}"
                  schema "s" {
                    url = data.echo.first.v
                  }
                }
                locals {
                  middle = data.echo.second.v
                }
                data "echo" "second" {
                  v = "two"
                }
                data "echo" "first" {
                  v = "one"
                }
                data "echo" "unused" {
                  v = "never"
                }
                t {
                  v = data.echo.last.v
                  s = data.echo.last["schema.s"]
                }
                """,
                echo);
        assertThat(echo.resolved).containsExactly("first", "second", "last");
        Resource t = doc.resources("t").get(0);
        assertThat(t.attribute("v").orElseThrow().value()).isEqualTo(new Value.Str("one-two"));
        assertThat(t.attribute("s").orElseThrow().value()).isEqualTo(new Value.Bool(true));
    }

    @Test
    void reportsCyclesUnknownTypesAndDuplicatesAtTheBlock() {
        assertThatThrownBy(() -> eval(
                        """
                        data "echo" "a" {
                          v = data.echo.b.v
                        }
                        data "echo" "b" {
                          v = local.x
                        }
                        locals {
                          x = data.echo.a.v
                        }
                        t {
                          v = data.echo.a.v
                        }
                        """,
                        new Echo()))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:1:1: data sources depend on each other in a cycle:"
                        + " data.echo.a -> data.echo.b -> data.echo.a");
        // An unknown type is an error even when nothing refers to the block, as in the reference.
        assertThatThrownBy(() -> eval("t {}\ndata \"sql\" \"x\" {\n}\n", new Echo()))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:2:1: data source \"sql\" is not supported");
        assertThatThrownBy(() -> eval("data \"echo\" \"x\" {}\ndata \"echo\" \"x\" {}\n", new Echo()))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:2:1: duplicate data \"echo\" \"x\" (first declared at x.hcl:1:1)");
    }

    @Test
    void anUndeclaredDataBlockIsAnErrorAtItsReference() {
        assertThatThrownBy(() -> eval("data \"echo\" \"a\" {}\nt {\n  v = data.echo.b\n}\n", new Echo()))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:3:7: data.echo.b refers to a data block that is not declared: no data \"echo\""
                        + " \"b\" block");
        // In a file without data blocks, and from one data block to another.
        assertThatThrownBy(() -> eval("t {\n  v = data.echo.b.x\n}\n", new Echo()))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:2:7: data.echo.b refers to a data block that is not declared: no data \"echo\""
                        + " \"b\" block");
        assertThatThrownBy(() -> eval(
                        "data \"echo\" \"a\" {\n  v = data.echo[\"c\"].x\n}\nt {\n  v = data.echo.a\n}\n", new Echo()))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:2:7: data.echo.c refers to a data block that is not declared: no data \"echo\""
                        + " \"c\" block");
        // An attribute a declared block does not have is the evaluator's unknown attribute, where it is named.
        assertThatThrownBy(() -> eval("data \"echo\" \"a\" {\n  v = 1\n}\nt {\n  v = data.echo.a.w\n}\n", new Echo()))
                .isInstanceOf(HclException.class)
                .hasMessage("x.hcl:5:19: unknown attribute \"w\": the object has only v");
    }

    @Test
    void dataIsAnOrdinaryReferenceOutsideProjectFiles() {
        Document document = HclEvaluator.evaluate(
                List.of(Hcl.parse("x.hcl", "t {\n  v = data.echo.b\n}\n")), EvalOptions.defaults());
        assertThat(document.resources().get(0).attributes().get(0).value())
                .isEqualTo(new Value.Ref(List.of("data", "echo", "b")));
    }
}
