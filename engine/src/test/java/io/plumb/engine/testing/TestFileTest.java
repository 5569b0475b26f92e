package io.plumb.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TestFileTest {

    private static final Path PATH = Path.of("/project/t.test.hcl");

    private static TestFile parse(String text) {
        return TestFile.parse("t.test.hcl", text, PATH, Map.of(), key -> null);
    }

    private static TestCase only(String text) {
        TestBlock block = parse(text).tests().get(0);
        return block.evaluate(block.cases().get(0), "sqlite:///tmp/case.db");
    }

    private static Pos at(int line, int column) {
        return new Pos("t.test.hcl", line, column);
    }

    @Test
    void blocksHaveKindNameAndPosition() {
        TestFile file = parse(
                """
                test "schema" "users" {
                  parallel = true
                  exec { sql = "SELECT 1" }
                }

                test "migrate" "20240613061102" {
                  migrate { to = 20240613061102 }
                }
                """);
        assertThat(file.display()).isEqualTo("t.test.hcl");
        assertThat(file.path()).isEqualTo(PATH);
        assertThat(file.tests()).extracting(TestBlock::kind).containsExactly(TestKind.SCHEMA, TestKind.MIGRATE);
        assertThat(file.tests()).extracting(TestBlock::name).containsExactly("users", "20240613061102");
        assertThat(file.tests()).extracting(TestBlock::pos).containsExactly(at(1, 1), at(6, 1));
        assertThat(file.tests().get(0).hasForEach()).isFalse();
        TestBlock migrate = file.tests().get(1);
        TestCase evaluated = migrate.evaluate(migrate.cases().get(0), "sqlite:///tmp/case.db");
        assertThat(evaluated.commands()).containsExactly(new Command.Migrate("20240613061102", at(7, 3)));
    }

    @Test
    void commandsAreReadInOrderWithTheirAttributes() {
        TestCase testCase = only(
                """
                test "schema" "all" {
                  skip = false
                  exec {
                    sql    = "SELECT 1"
                    format = "table"
                    output = "x"
                  }
                  catch {
                    sql   = "SELECT nope"
                    error = "no such"
                  }
                  assert {
                    sql           = "SELECT 1"
                    error_message = "why"
                  }
                  log { message = "hi" }
                  external {
                    program     = ["echo", 1, true]
                    working_dir = "tools"
                    match       = "o+"
                  }
                  cleanup { sql = "DELETE FROM t" }
                }
                """);
        assertThat(testCase.name()).isEqualTo("all");
        assertThat(testCase.skip()).isFalse();
        assertThat(testCase.parallel()).isFalse();
        assertThat(testCase.commands())
                .containsExactly(
                        new Command.Exec(
                                "SELECT 1",
                                OutputFormat.TABLE,
                                Optional.of(new Expectation.Output("x", at(6, 14))),
                                at(3, 3)),
                        new Command.Catch("SELECT nope", Optional.of("no such"), at(8, 3)),
                        new Command.Assert("SELECT 1", Optional.of("why"), at(12, 3)),
                        new Command.Log("hi", at(16, 3)),
                        new Command.External(
                                List.of("echo", "1", "true"),
                                Optional.of("tools"),
                                Optional.of(new Expectation.Match("o+", at(20, 19))),
                                at(17, 3)),
                        new Command.Cleanup("DELETE FROM t", at(22, 3)));
    }

    @Test
    void execDefaultsToCsvWithoutExpectation() {
        TestCase testCase = only("test \"schema\" \"x\" {\n  exec { sql = \"SELECT 1\" }\n}\n");
        assertThat(testCase.commands())
                .containsExactly(new Command.Exec("SELECT 1", OutputFormat.CSV, Optional.empty(), at(2, 3)));
    }

    @Test
    void forEachMakesNumberedCasesWithEachAndTestingBound() {
        TestFile file = parse(
                """
                test "schema" "seed" {
                  for_each = ["hello", "world"]
                  log { message = "${testing.name} ${each.value} ${testing.dev_url}" }
                }
                """);
        TestBlock block = file.tests().get(0);
        assertThat(block.hasForEach()).isTrue();
        assertThat(block.cases()).extracting(TestBlock.CaseRef::name).containsExactly("seed/1", "seed/2");
        TestCase second = block.evaluate(block.cases().get(1), "sqlite:///tmp/2.db");
        assertThat(second.name()).isEqualTo("seed/2");
        assertThat(second.commands()).containsExactly(new Command.Log("seed/2 world sqlite:///tmp/2.db", at(3, 3)));
    }

    @Test
    void forEachOverAMapBindsKeysAndValues() {
        TestFile file = parse(
                """
                test "schema" "seed" {
                  for_each = { a = "x", b = "y" }
                  log { message = "${each.key}=${each.value}" }
                }
                """);
        TestBlock block = file.tests().get(0);
        assertThat(block.cases()).extracting(TestBlock.CaseRef::name).containsExactly("seed/1", "seed/2");
        assertThat(block.evaluate(block.cases().get(0), "u").commands())
                .containsExactly(new Command.Log("a=x", at(3, 3)));
    }

    @Test
    void variablesAndLocalsAreBound() {
        TestFile file = TestFile.parse(
                "t.test.hcl",
                """
                variable "greeting" {
                  type    = string
                  default = "hi"
                }
                locals {
                  loud = upper(var.greeting)
                }
                test "schema" "vars" {
                  skip = var.greeting == "skip"
                  log { message = local.loud }
                }
                """,
                PATH,
                Map.of("greeting", new Value.Str("skip")),
                key -> null);
        TestBlock block = file.tests().get(0);
        TestCase testCase = block.evaluate(block.cases().get(0), "u");
        assertThat(testCase.skip()).isTrue();
        assertThat(testCase.commands()).containsExactly(new Command.Log("SKIP", at(10, 3)));
    }

    static List<Object[]> malformedFiles() {
        return List.of(
                new Object[] {
                    "test \"schema\" {\n}\n",
                    "t.test.hcl:1:1: test block needs two labels, its kind and its name (test \"schema\" \"NAME\"),"
                            + " found 1"
                },
                new Object[] {
                    "test \"plan\" \"x\" {\n}\n",
                    "t.test.hcl:1:1: unknown test kind \"plan\"; expected \"schema\" or \"migrate\""
                },
                new Object[] {
                    "table \"t\" {\n}\n",
                    "t.test.hcl:1:1: unexpected block \"table\" in a test file; expected test, variable or locals"
                },
                new Object[] {
                    "test \"schema\" \"x\" {\n  exec { sql = \n}\n",
                    "t.test.hcl:2:16: expected an expression, found newline"
                });
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void malformedFilesAreRefusedWithAPosition(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(HclException.class).hasMessageStartingWith(message);
    }

    static List<Object[]> malformedCases() {
        return List.of(
                new Object[] {"  exec \"x\" { sql = \"SELECT 1\" }", "2:3: block \"exec\" takes no labels"},
                new Object[] {
                    "  exec {\n    sql = \"SELECT 1\"\n    log { message = \"x\" }\n  }",
                    "4:5: unexpected block \"log\" in \"exec\""
                },
                new Object[] {
                    "  exec {\n    sql = \"x\"\n    outptu = \"1\"\n  }",
                    "4:5: unknown attribute \"outptu\" in exec; expected one of format, match, output, sql"
                },
                new Object[] {"  exec { format = \"csv\" }", "2:3: exec needs attribute \"sql\""},
                new Object[] {
                    "  exec {\n    sql = \"x\"\n    format = \"json\"\n  }",
                    "4:14: unknown format \"json\"; expected \"csv\" or \"table\""
                },
                new Object[] {
                    "  exec {\n    sql = \"x\"\n    output = \"1\"\n    match = \"1\"\n  }",
                    "5:5: \"output\" and \"match\" are exclusive in exec"
                },
                new Object[] {
                    "  external { program = \"echo hi\" }",
                    "2:24: program: expected a non-empty list of strings, found string"
                },
                new Object[] {"  external { program = [] }", "2:24: program: expected a non-empty list of strings"},
                new Object[] {"  external { match = \"x\" }", "2:3: external needs attribute \"program\""},
                new Object[] {
                    "  migrate { to = \"1\" }", "2:3: block \"migrate\" is only allowed in test \"migrate\" blocks"
                },
                new Object[] {
                    "  foo { }",
                    "2:3: unknown block \"foo\" in a test; expected exec, catch, assert, log, external, cleanup"
                },
                new Object[] {"  skip = \"yes\"", "2:10: skip: expected a bool, found string"},
                new Object[] {"  log { message = [\"a\"] }", "2:19: message: expected a string, found list"},
                new Object[] {"  log { message = nosuch.x }", "2:19: "});
    }

    @ParameterizedTest
    @MethodSource("malformedCases")
    void malformedCasesAreRefusedWhenEvaluated(String body, String message) {
        TestBlock block =
                parse("test \"schema\" \"x\" {\n" + body + "\n}\n").tests().get(0);
        assertThatThrownBy(() -> block.evaluate(block.cases().get(0), "u"))
                .isInstanceOf(HclException.class)
                .hasMessageStartingWith("t.test.hcl:" + message);
    }

    @Test
    void migrationTestsTakeNoParallel() {
        TestBlock block = parse("test \"migrate\" \"x\" {\n  parallel = true\n}\n")
                .tests()
                .get(0);
        assertThatThrownBy(() -> block.evaluate(block.cases().get(0), "u"))
                .isInstanceOf(HclException.class)
                .hasMessage("t.test.hcl:2:3: unknown attribute \"parallel\" in test \"migrate\"; expected one of skip");
    }
}
