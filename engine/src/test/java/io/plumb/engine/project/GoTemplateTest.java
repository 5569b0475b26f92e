package io.plumb.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.project.GoTemplate.Node;
import io.plumb.engine.project.GoTemplate.TemplateException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class GoTemplateTest {

    private static String render(String text, @Nullable Object data) {
        Map<String, List<Node>> templates = new HashMap<>();
        GoTemplate.parse("t.sql", "t.sql", text, templates);
        return new GoTemplateRunner(templates).execute("t.sql", data);
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
        assertThat(GoTemplateRunner.goFloat(1)).isEqualTo("1");
        assertThat(GoTemplateRunner.goFloat(2.5)).isEqualTo("2.5");
        assertThat(GoTemplateRunner.goFloat(100000)).isEqualTo("100000");
        assertThat(GoTemplateRunner.goFloat(1000000)).isEqualTo("1e+06");
        assertThat(GoTemplateRunner.goFloat(123456789)).isEqualTo("1.23456789e+08");
        assertThat(GoTemplateRunner.goFloat(0.0001)).isEqualTo("0.0001");
        assertThat(GoTemplateRunner.goFloat(0.00001)).isEqualTo("1e-05");
    }

    @Test
    void definedTemplatesGetTheirArgumentAsDotAndDollar() {
        Map<String, List<Node>> templates = new HashMap<>();
        GoTemplate.parse("shared/u.sql", "u.sql", "{{ define \"users\" }}users_{{ $ }}{{ end }}", templates);
        GoTemplate.parse("1.sql", "1.sql", "{{ template \"users\" .Env }};", templates);
        assertThat(new GoTemplateRunner(templates).execute("1.sql", Map.of("Env", "dev")))
                .isEqualTo("users_dev;");
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
        assertThatThrownBy(() -> render("{{ block \"x\" . }}{{ end }}", vars))
                .hasMessage("t.sql:1:1: {{block}} is not supported");
        assertThatThrownBy(() -> render("{{ nope 1 }}", vars)).hasMessage("t.sql:1:1: function \"nope\" not defined");
        assertThatThrownBy(() -> render("{{ template \"x\" }}", vars)).hasMessage("t.sql:1:1: no such template \"x\"");
    }
}
