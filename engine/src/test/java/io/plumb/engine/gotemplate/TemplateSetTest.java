package io.plumb.engine.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TemplateSetTest {

    private static String render(String text, @Nullable Object data) {
        return new TemplateSet().parse("t.sql", "t.sql", text).execute("t.sql", data);
    }

    @Test
    void rendersFieldsConditionsAndTrimming() {
        Map<String, Object> vars = Map.of("Env", "dev", "N", 2.0, "Flag", true, "Names", List.of("a", "b"));
        assertThat(render("x {{- .Env -}} y", vars)).isEqualTo("xdevy");
        assertThat(render("{{ if eq .Env \"prod\" \"dev\" }}yes{{ else }}no{{ end }}", vars))
                .isEqualTo("yes");
        assertThat(render("{{ if not .Flag }}a{{ else if gt .N 1.5 }}b{{ else }}c{{ end }}", vars))
                .isEqualTo("b");
        assertThat(render("{{ range $i, $n := .Names }}{{ $i }}={{ $n }};{{ else }}none{{ end }}", vars))
                .isEqualTo("0=a;1=b;");
        assertThat(render("{{ with .Env }}{{ . }}/{{ $.N }}{{ end }}", vars)).isEqualTo("dev/2");
        assertThat(render("{{ $x := print .Env \"-\" .N }}{{ $x | printf \"%q\" }}", vars))
                .isEqualTo("\"dev-2\"");
        assertThat(render("{{/* a comment */}}{{ len .Names }} {{ index .Names 1 }}", vars))
                .isEqualTo("2 b");
    }

    @Test
    void printsNumbersAsGoDoes() {
        assertThat(Values.goFloat(1)).isEqualTo("1");
        assertThat(Values.goFloat(2.5)).isEqualTo("2.5");
        assertThat(Values.goFloat(100000)).isEqualTo("100000");
        assertThat(Values.goFloat(1000000)).isEqualTo("1e+06");
        assertThat(Values.goFloat(123456789)).isEqualTo("1.23456789e+08");
        assertThat(Values.goFloat(0.0001)).isEqualTo("0.0001");
        assertThat(Values.goFloat(0.00001)).isEqualTo("1e-05");
    }

    @Test
    void definedTemplatesGetTheirArgumentAsDotAndDollar() {
        TemplateSet templates = new TemplateSet()
                .parse("shared/u.sql", "u.sql", "{{ define \"users\" }}users_{{ $ }}{{ end }}")
                .parse("1.sql", "1.sql", "{{ template \"users\" .Env }};");
        assertThat(templates.execute("1.sql", Map.of("Env", "dev"))).isEqualTo("users_dev;");
    }

    @Test
    void errorsSayWhereAndWhat() {
        Map<String, Object> vars = Map.of("Env", "dev", "N", 2.0);
        assertThatThrownBy(() -> render("a\n  {{ .Missing }}", vars))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.sql:2:3: map has no entry for key \"Missing\"");
        // As in Go, a float64 variable does not compare with an integer constant.
        assertThatThrownBy(() -> render("{{ eq .N 2 }}", vars))
                .hasMessage("t.sql:1:1: error calling eq: incompatible types for comparison (float64 and int)");
        assertThatThrownBy(() -> render("{{ if .Env }}x", vars)).hasMessage("t.sql:1:1: if has no {{end}}");
        assertThatThrownBy(() -> render("{{ end }}", vars)).hasMessage("t.sql:1:1: unexpected {{end}}");
        assertThatThrownBy(() -> render("{{ .Env", vars)).hasMessage("t.sql:1:3: unclosed action");
        assertThatThrownBy(() -> render("a {{ break }}", vars)).hasMessage("t.sql:1:3: {{break}} outside {{range}}");
        assertThatThrownBy(() -> render("{{ nope 1 }}", vars)).hasMessage("t.sql:1:1: function \"nope\" not defined");
        assertThatThrownBy(() -> render("{{ template \"x\" }}", vars)).hasMessage("t.sql:1:1: no such template \"x\"");
    }

    @Test
    void goMessagesNameTheLineOfAParseErrorAndTheNodeOfAnExecutionError() {
        Map<String, Object> vars = Map.of("Env", "dev");
        assertThat(goMessage("{{ .Env", vars)).isEqualTo("template: t.sql:1: unclosed action");
        assertThat(goMessage("a\n{{ if }}{{ end }}", vars)).isEqualTo("template: t.sql:2: missing value for if");
        assertThat(goMessage("{{ range }}{{ end }}", vars)).isEqualTo("template: t.sql:1: missing value for range");
        // Functions are checked when the template parses, as Go does: nothing runs before the error.
        assertThat(goMessage("{{ .Env }}{{ nope . }}", vars))
                .isEqualTo("template: t.sql:1: function \"nope\" not defined");
        assertThat(goMessage("{{ .Env.Name }}", vars))
                .isEqualTo("template: t.sql:1:1: executing \"t.sql\" at <.Env.Name>: can't evaluate field Name in type"
                        + " string");
        assertThat(goMessage("{{ len 1 }}", vars))
                .isEqualTo("template: t.sql:1:1: executing \"t.sql\" at <len>: error calling len: len of type int");
    }

    private static String goMessage(String text, Object data) {
        try {
            render(text, data);
        } catch (TemplateException e) {
            return e.goMessage("t.sql");
        }
        throw new AssertionError("no error: " + text);
    }

    @Test
    void blockDefinesATemplateThatALaterDefineReplaces() {
        assertThat(render("<{{ block \"row\" .Env }}[{{ . }}]{{ end }}>", Map.of("Env", "dev")))
                .isEqualTo("<[dev]>");
        TemplateSet templates = new TemplateSet()
                .parse("base.sql", "base.sql", "{{ block \"row\" . }}default{{ end }};")
                .parse("over.sql", "over.sql", "{{ define \"row\" }}custom {{ . }}{{ end }}");
        assertThat(templates.execute("base.sql", "x")).isEqualTo("custom x;");
    }

    @Test
    void rangeBreaksContinuesAndVisitsMapsInKeyOrder() {
        Map<String, Object> data = Map.of("N", List.of(1L, 2L, 3L, 4L), "M", Map.of("b", 2L, "a", 1L));
        assertThat(render(
                        "{{ range .N }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}",
                        data))
                .isEqualTo("13");
        assertThat(render("{{ range $k, $v := .M }}{{ $k }}={{ $v }} {{ end }}", data))
                .isEqualTo("a=1 b=2 ");
        assertThat(render(
                        "{{ range .M }}{{ . }}{{ end }}|{{ range .Missing }}x{{ else }}none{{ end }}",
                        Map.of("M", Map.of("z", 1L, "y", 2L), "Missing", List.of())))
                .isEqualTo("21|none");
        assertThatThrownBy(() -> render("{{ range .M }}{{ end }}", Map.of("M", "text")))
                .hasMessage("t.sql:1:1: range can't iterate over text");
    }

    @Test
    void variablesLiveUntilTheirEndAndAssignmentReachesTheNearest() {
        Map<String, Object> data = Map.of("Names", List.of("a", "b", "c"));
        assertThat(render("{{ $last := \"\" }}{{ range .Names }}{{ $last = . }}{{ end }}{{ $last }}", data))
                .isEqualTo("c");
        assertThat(render("{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}", data))
                .isEqualTo("21");
        assertThatThrownBy(() -> render("{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}", data))
                .hasMessage("t.sql:1:36: undefined variable \"$y\"");
        assertThatThrownBy(() -> render("{{ $z = 1 }}", data)).hasMessage("t.sql:1:1: undefined variable: $z");
    }

    /** A struct with a field its printing shows and a method only templates read. */
    private record Report(Map<String, Object> fields) implements GoStruct {
        @Override
        public boolean has(String name) {
            return fields.containsKey(name) || name.equals("Count") || name.equals("User");
        }

        @Override
        public java.util.Optional<Object> get(String name) {
            return switch (name) {
                case "Count" -> java.util.Optional.of(fields.size());
                case "User" -> java.util.Optional.empty();
                default -> java.util.Optional.ofNullable(fields.get(name));
            };
        }
    }

    @Test
    void structsNilAndIntegersReadAsGoValues() {
        Report report = new Report(new java.util.LinkedHashMap<>(Map.of("Name", "lint")));
        assertThat(render("{{ .Name }} {{ .Count }} {{ if .User }}user{{ else }}{{ .User }}{{ end }} {{ . }}", report))
                .isEqualTo("lint 1 <nil> {lint}");
        // An Integer is Go's int as a Long is: they compare, and add up in Sprint's spacing rules.
        assertThat(render("{{ eq .Count 1 }} {{ lt .Count 2 }} {{ print .Count 2 }}", report))
                .isEqualTo("true true 1 2");
        assertThatThrownBy(() -> render("{{ .Nope }}", report)).hasMessage("t.sql:1:1: can't evaluate field Nope");
        assertThatThrownBy(() -> render("{{ .Name.Length }}", report))
                .hasMessage("t.sql:1:1: can't evaluate field Length in type string");
    }

    @Test
    void printsValuesAsFmtSprintDoes() {
        Map<String, Object> data = Map.of("L", List.of("a", 1L), "M", Map.of("b", 2.5, "a", true), "S", "é");
        assertThat(render("{{ .L }} {{ .M }} {{ len .S }} {{ println 1 \"a\" 2 }}", data))
                .isEqualTo("[a 1] map[a:true b:2.5] 2 1 a 2\n");
        assertThat(render("{{ printf \"%s-%d-%v-%q-%%-%s\" \"a\" 1 true \"q\\n\" }}", data))
                .isEqualTo("a-1-true-\"q\\n\"-%-%!s(MISSING)");
        assertThat(render("{{ .Missing }}", Map.of("Missing", GoNil.NIL))).isEqualTo("<nil>");
        assertThat(render("{{ index .M \"zz\" }}", data)).isEqualTo("<no value>");
        assertThatThrownBy(() -> render("{{ printf \"%x\" 1 }}", data))
                .hasMessage("t.sql:1:1: printf verb %x is not supported");
    }

    @Test
    void trimMarkersNeedASpaceAndTrimAsciiSpaceOnly() {
        assertThat(render("a \t\n{{- 1 -}}\r\n b", null)).isEqualTo("a1b");
        // "{{-1}}" is the number -1, not a trim marker.
        assertThat(render("a {{-1}} b", null)).isEqualTo("a -1 b");
        assertThat(render("a {{- /* note */ -}} b", null)).isEqualTo("ab");
    }

    @Test
    void callersAddFunctionsThatHideBuiltins() {
        Map<String, TemplateFunction> functions = Map.of(
                "twice", args -> TemplateSet.print(args.get(0)).repeat(2),
                "len", args -> "mine",
                "fail",
                        args -> {
                            throw new IllegalArgumentException("no good");
                        },
                "refuse",
                        args -> {
                            throw new TemplateException("function \"refuse\" is refused");
                        });
        TemplateSet set = new TemplateSet(functions).parse("f", "f", "{{ \"ab\" | twice }} {{ len 1 }}");
        assertThat(set.execute("f", null)).isEqualTo("abab mine");
        assertThatThrownBy(() -> new TemplateSet(functions)
                        .parse("f", "f", "x\n {{ fail }}")
                        .execute("f", null))
                .hasMessage("f:2:2: error calling fail: no good");
        assertThatThrownBy(() -> new TemplateSet(functions)
                        .parse("f", "f", "{{ refuse }}")
                        .execute("f", null))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.position()).isEqualTo("f:1:1");
                    assertThat(e.detail()).isEqualTo("function \"refuse\" is refused");
                });
        assertThatThrownBy(() -> render("{{ html 1 }}", null))
                .hasMessage("t.sql:1:1: function \"html\" is not supported");
        assertThatThrownBy(() -> new TemplateSet().execute("none", null)).hasMessage("no template \"none\"");
    }
}
