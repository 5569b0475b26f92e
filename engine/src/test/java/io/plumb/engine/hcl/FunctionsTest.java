package io.plumb.engine.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionsTest {

    /** Evaluates {@code expr} and renders the result as JSON, for compact expectations. */
    private static String json(String expr) {
        Value v = HclEvaluatorTest.value(expr);
        if (v instanceof Value.Str s) {
            return s.value();
        }
        throw new AssertionError("expected a string result, found " + v);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "format(\"%s-%d-%05.1f-%t-%q-%v-%%-%-3s.\", \"a\", 7, 3.14159, true, \"q\", [1], \"b\") | a-7-003.1-true-\"q\"-[1]-%-b  .",
                "join(\",\", formatlist(\"%s=%d\", [\"a\", \"b\"], 1)) | a=1,b=1",
                "join(\"-\", [\"a\"], [\"b\", 1]) | a-b-1",
                "jsonencode(split(\",\", \"a,,b\")) | [\"a\",\"\",\"b\"]",
                "\"${lower(\"AbC\")}${upper(\"x\")}${title(\"hello big-world\")}\" | abcXHello Big-World",
                "replace(\"a-b-c\", \"-\", \"+\") | a+b+c",
                "replace(\"a1b22\", \"/([0-9]+)/\", \"<$1>\") | a<1>b<22>",
                "trim(\"xxaxx\", \"x\") | a",
                "\"${trimprefix(\"abc\", \"a\")}${trimsuffix(\"abc\", \"c\")}${trimspace(\"  s \")}\" | bcabs",
                "chomp(\"a\\n\\r\\n\") | a",
                "\"${substr(\"hello\", 1, 3)}${substr(\"hello\", -2, -1)}\" | elllo",
                "strrev(\"abc\") | cba",
                "jsonencode([startswith(\"abc\", \"ab\"), endswith(\"abc\", \"x\")]) | [true,false]",
                "jsonencode(concat([1], [2, 3])) | [1,2,3]",
                "jsonencode([length(\"héllo\"), length([1]), length({a = 1})]) | [5,1,1]",
                "jsonencode(toset([\"b\", \"a\", \"b\"])) | [\"b\",\"a\"]",
                "jsonencode([tolist([1]), tomap({a = 1}), tostring(1.50), tonumber(\"2\"), tobool(\"true\")]) | [[1],{\"a\":1},\"1.5\",2,true]",
                "jsonencode([contains([1, 2], 2), distinct([1, 1, 2]), element([\"a\", \"b\"], 3)]) | [true,[1,2],\"b\"]",
                "jsonencode(flatten([[1, [2]], 3])) | [1,2,3]",
                "jsonencode([keys({b = 1, a = 2}), values({b = 1, a = 2})]) | [[\"a\",\"b\"],[2,1]]",
                "jsonencode([lookup({a = 1}, \"a\"), lookup({a = 1}, \"b\", 0)]) | [1,0]",
                "jsonencode(merge({a = 1, b = 1}, {b = 2})) | {\"a\":1,\"b\":2}",
                "jsonencode([range(3), range(1, 4, 2), range(3, 0)]) | [[0,1,2],[1,3],[3,2,1]]",
                "jsonencode([reverse([1, 2]), slice([1, 2, 3], 1, 3), sort([\"b\", \"a\"])]) | [[2,1],[2,3],[\"a\",\"b\"]]",
                "jsonencode(zipmap([\"a\", \"b\"], [1, 2])) | {\"a\":1,\"b\":2}",
                "jsonencode([coalesce(null, \"\", \"x\"), coalescelist([], [1]), compact([\"a\", \"\", null])]) | [\"x\",[1],[\"a\"]]",
                "jsonencode([abs(-2), ceil(1.2), floor(1.8), max(1, 3, 2), min(2, 1), pow(2, 10), signum(-5)]) | [2,2,1,3,1,1024,-1]",
                "jsonencode([parseint(\"ff\", 16), parseint(\"-101\", 2), index([\"a\", \"b\"], \"b\")]) | [255,-5,1]",
                "jsonencode([regex(\"[0-9]+\", \"ab12\"), regex(\"(a)(b)\", \"ab\"), regex(\"(?P<x>[a-z])\", \"1q\")]) | [\"12\",[\"a\",\"b\"],{\"x\":\"q\"}]",
                "jsonencode(regexall(\"[0-9]\", \"a1b2\")) | [\"1\",\"2\"]",
                "regexreplace(\"a1b2\", \"[0-9]\", \"#\") | a#b#",
                "urlescape(\"a b&c/~*\") | a+b%26c%2F~%2A",
                "urlsetpath(\"mysql://u:p@h:3306/x?a=b\", \"y\") | mysql://u:p@h:3306/y?a=b",
                "urlqueryset(\"postgres://h/db?sslmode=require&b=1\", \"a\", \"x y\") | postgres://h/db?a=x+y&b=1&sslmode=require",
                "urluserinfo(\"mysql://h:3306/db\", \"root\", \"p@ss:w\") | mysql://root:p%40ss%3Aw@h:3306/db",
                "urluserinfo(\"mysql://old@h/db\", \"root\") | mysql://root@h/db",
                "jsonencode(jsondecode(\"{\\\"a\\\": [1, 2.5, true, null, \\\"s\\\"]}\")) | {\"a\":[1,2.5,true,null,\"s\"]}",
                "jsonencode([try(local.x, \"fallback\"), can(local.x), can(1)]) | [\"fallback\",false,true]",
                "jsonencode([for x in [1, 2] : x * 2]) | [2,4]",
                "getenv(\"PLUMB_SURELY_UNSET_VARIABLE\") | ``",
                "jsonencode([setunion([\"a\", \"b\"], [\"b\", \"c\"]), setintersection([\"a\", \"b\"], [\"b\"]), setsubtract([\"a\", \"b\"], [\"a\"])]) | [[\"a\",\"b\",\"c\"],[\"b\"],[\"b\"]]",
                "jsonencode(setproduct([\"a\", \"b\"], [1, 2])) | [[\"a\",1],[\"a\",2],[\"b\",1],[\"b\",2]]",
                "jsonencode([alltrue([true, true]), alltrue([true, \"x\"]), alltrue([]), empty([]), empty({a = 1})]) | [true,false,true,true,false]",
                "jsonencode([chunklist([1, 2, 3], 2), chunklist([1], 0)]) | [[[1,2],[3]],[[1]]]",
                "jsonencode(csvdecode(\"a,b\\n1,\\\"x,y\\\"\\n\")) | [{\"a\":\"1\",\"b\":\"x,y\"}]",
                "formatdate(\"YYYY-MM-DD hh:mm:ss ZZZZZ EEE MMM D h:m:s H AA 'at' ''\", \"2024-03-05T07:08:09+02:00\") | 2024-03-05 07:08:09 +02:00 Tue Mar 5 7:8:9 7 AM at '",
                "formatdate(\"EEEE, DD MMMM YY HH:mm aa Z\", \"2024-03-05T17:08:09Z\") | Tuesday, 05 March 24 05:08 pm Z",
                "jsonencode([timeadd(\"2024-01-01T00:00:00Z\", \"1h30m\"), timeadd(\"2024-01-01T00:00:00+02:00\", \"-1.5s\")]) | [\"2024-01-01T01:30:00Z\",\"2023-12-31T23:59:58+02:00\"]",
                "jsonencode([indent(2, \"a\\nb\"), regexpescape(\"a.b*c\"), log(8, 2)]) | [\"a\\n  b\",\"a\\\\.b\\\\*c\",3]",
            })
    void evaluates(String expr, String expected) {
        assertThat(json(expr)).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "join(\",\") | x.hcl:2:7: function \"join\" expects at least 2 arguments, found 1",
                "upper() | x.hcl:2:7: function \"upper\" expects 1 argument, found 0",
                "lookup({}) | x.hcl:2:7: function \"lookup\" expects 2 to 3 arguments, found 1",
                "upper([1]) | x.hcl:2:7: function \"upper\" argument 1: expected a string, found list",
                "concat(1) | x.hcl:2:7: function \"concat\" argument 1: expected a list, found number",
                "keys([1]) | x.hcl:2:7: function \"keys\" argument 1: expected an object or map, found list",
                "tonumber(\"x\") | x.hcl:2:7: function \"tonumber\" argument 1: expected a number, found string \"x\"",
                "regex(\"[0-9]\", \"ab\") | x.hcl:2:7: function \"regex\": pattern \"[0-9]\" does not match \"ab\"",
                "format(\"%d\") | x.hcl:2:7: function \"format\": not enough arguments for verb \"%d\": found 0",
                "format(\"%x\", 1) | x.hcl:2:7: function \"format\": unsupported format verb \"%x\"; expected one of %s %d %v %q %f %t %%",
                "jsondecode(\"{\") | x.hcl:2:7: function \"jsondecode\": invalid JSON: Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])",
                "index([1], 2) | x.hcl:2:7: function \"index\": the list has no element number 2",
                "element([], 0) | x.hcl:2:7: function \"element\": cannot take an element of an empty list",
                "coalesce(null) | x.hcl:2:7: function \"coalesce\": no non-null, non-empty argument among 1",
                "try(local.a) | x.hcl:2:7: no argument of \"try\" could be evaluated; the last failed with: x.hcl:2:11: unknown local \"a\"",
                "sql(1, 2) | x.hcl:2:7: function \"sql\" expects 1 argument, found 2",
                "file(\"/nonexistent/plumb/x\") | x.hcl:2:7: function \"file\": file \"/nonexistent/plumb/x\" does not exist (looked for /nonexistent/plumb/x)",
                "upper([[1]]...) | x.hcl:2:7: function \"upper\" argument 1: expected a string, found list",
                "timeadd(\"2024-01-01\", \"1h\") | x.hcl:2:7: function \"timeadd\": \"2024-01-01\" is not an RFC 3339 timestamp, such as 2024-01-02T15:04:05Z",
                "timeadd(\"2024-01-01T00:00:00Z\", \"1 day\") | x.hcl:2:7: function \"timeadd\": \"1 day\" is not a duration, such as 1h30m or -10s",
                "formatdate(\"YYYY 'x\", \"2024-01-01T00:00:00Z\") | x.hcl:2:7: function \"formatdate\": unterminated literal in the date format \"YYYY 'x\"",
                "formatdate(\"QQ\", \"2024-01-01T00:00:00Z\") | x.hcl:2:7: function \"formatdate\": invalid date format verb \"QQ\" in \"QQ\"",
                "csvdecode(\"a,b\\n1\") | x.hcl:2:7: function \"csvdecode\": CSV record 2 has 1 fields, the header 2",
                "yamldecode(\"a: 1\") | x.hcl:2:7: function \"yamldecode\": is not supported: plumb reads no YAML; convert the data to JSON and use jsondecode",
                "jsonencode(nosuchfunction(1)) | x.hcl:2:7: function \"jsonencode\": cannot encode a call of the unknown function \"nosuchfunction\" as JSON",
            })
    void reportsErrors(String expr, String message) {
        assertThatThrownBy(() -> HclEvaluatorTest.value(expr))
                .isInstanceOf(HclException.class)
                .hasMessage(message);
    }

    @Test
    void keepsUnknownCallsAsTypeCalls() {
        assertThat(HclEvaluatorTest.value("decimal(10, 2)"))
                .isEqualTo(
                        new Value.TypeCall("decimal", List.of(HclEvaluatorTest.num("10"), HclEvaluatorTest.num("2"))));
        assertThat(HclEvaluatorTest.value("enum(\"a\", \"b\")"))
                .isEqualTo(new Value.TypeCall("enum", List.of(HclEvaluatorTest.str("a"), HclEvaluatorTest.str("b"))));
    }

    @Test
    void readsFilesRelativeToTheEvaluatedFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("q.sql"), "SELECT 1");
        Path schema = dir.resolve("schema.hcl");
        Files.writeString(schema, "t {\n  v = file(\"q.sql\")\n}\n");
        Document doc = HclEvaluator.evaluate(List.of(Hcl.parseFile(schema)), EvalOptions.defaults());
        assertThat(doc.resources().get(0).attribute("v").orElseThrow().value()).isEqualTo(new Value.Str("SELECT 1"));
        Document inMemory = HclEvaluator.evaluate(
                List.of(Hcl.parse("m.hcl", "t {\n  v = file(\"q.sql\")\n}\n")),
                EvalOptions.defaults().withBaseDir(dir));
        assertThat(inMemory.resources().get(0).attribute("v").orElseThrow().value())
                .isEqualTo(new Value.Str("SELECT 1"));
    }

    @Test
    void filesetMatchesFilesAtAnyDepth(@TempDir Path dir) throws Exception {
        for (String name : List.of(
                "schemas/a.hcl",
                "schemas/public/public.hcl",
                "schemas/public/tables/users.hcl",
                "schemas/public/tables/notes.txt",
                "schemas/app.sql",
                "other/x.hcl")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "");
        }
        assertThat(fileset(dir, "schemas/**/*.hcl"))
                .containsExactly("schemas/a.hcl", "schemas/public/public.hcl", "schemas/public/tables/users.hcl");
        assertThat(fileset(dir, "schemas/*.{hcl,sql}")).containsExactly("schemas/a.hcl", "schemas/app.sql");
        assertThat(fileset(dir, "schemas/public/*/u?ers.hcl")).containsExactly("schemas/public/tables/users.hcl");
        assertThat(fileset(dir, "**/x.hcl")).containsExactly("other/x.hcl");
        assertThat(fileset(dir, "missing/**/*.hcl")).isEmpty();
        assertThatThrownBy(() -> fileset(dir, "schemas/{a.hcl"))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("fileset \"schemas/{a.hcl\": unterminated {");
    }

    private static List<String> fileset(Path dir, String pattern) {
        Document doc = HclEvaluator.evaluate(
                List.of(Hcl.parse("m.hcl", "t {\n  v = fileset(\"" + pattern + "\")\n}\n")),
                EvalOptions.defaults().withBaseDir(dir));
        Value.ListValue list = (Value.ListValue)
                doc.resources().get(0).attribute("v").orElseThrow().value();
        return list.elements().stream().map(v -> ((Value.Str) v).value()).toList();
    }

    @Test
    void readsTheEnvironmentThroughTheLookup() {
        Document doc = HclEvaluator.evaluate(
                List.of(Hcl.parse("x.hcl", "t {\n  v = getenv(\"DB\")\n}\n")),
                EvalOptions.defaults().withEnv(Map.of("DB", "sqlite://x")::get));
        assertThat(doc.resources().get(0).attribute("v").orElseThrow().value()).isEqualTo(new Value.Str("sqlite://x"));
    }
}
