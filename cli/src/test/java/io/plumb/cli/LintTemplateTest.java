package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.plumb.engine.gotemplate.GoNil;
import io.plumb.engine.gotemplate.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LintTemplateTest {

    private static LintTree.Struct file(String name, String text) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", name);
        fields.put("Text", text);
        return new LintTree.Struct(fields, Map.of());
    }

    private final LintTree.Struct report = new LintTree.Struct(
            new LinkedHashMap<>(Map.of("Files", List.of(file("1.sql", "a<b&c"), file("2.sql", "")))),
            Map.of("Count", 2, "Empty", ""));

    @Test
    void rangesPipesAndFunctionsAsGoTemplatesDo() {
        assertThat(LintTemplate.parse("{{ range .Files }}{{ println .Name }}{{ end }}")
                        .execute(report))
                .isEqualTo("1.sql\n2.sql\n");
        assertThat(LintTemplate.parse("{{ len .Files | println }}").execute(report))
                .isEqualTo("2\n");
        assertThat(LintTemplate.parse("{{- if .Empty }}yes{{ else }}no{{ end -}}  \n")
                        .execute(report))
                .isEqualTo("no");
        assertThat(LintTemplate.parse("{{ with .Count }}{{ printf \"%d files, %q\" . \"x\" }}{{ end }}")
                        .execute(report))
                .isEqualTo("2 files, \"x\"");
        assertThat(LintTemplate.parse("{{ sub .Count 1 }} {{ lower \"AB\" }} {{ repeat \"-\" 3 }}")
                        .execute(report))
                .isEqualTo("1 ab ---");
    }

    @Test
    void jsonEscapesHtmlAndIndentsAsGo() {
        assertThat(LintTemplate.parse("{{ json . }}").execute(report))
                .isEqualTo(
                        "{\"Files\":[{\"Name\":\"1.sql\",\"Text\":\"a\\u003cb\\u0026c\"},{\"Name\":\"2.sql\",\"Text\":\"\"}]}");
        assertThat(LintTemplate.parse("{{ json (len .Files) \"  \" }}").execute(report))
                .isEqualTo("2");
        assertThat(LintTemplate.parse("{{ json .Files \"  \" }}").execute(report))
                .isEqualTo("[\n  {\n    \"Name\": \"1.sql\",\n    \"Text\": \"a\\u003cb\\u0026c\"\n  },\n"
                        + "  {\n    \"Name\": \"2.sql\",\n    \"Text\": \"\"\n  }\n]");
    }

    @Test
    void lintTemplatesHaveVariablesComparisonsAndDefinesAsTemplateDirHas() {
        assertThat(LintTemplate.parse(
                                "{{ range $i, $f := .Files }}{{ if $i }},{{ end }}{{ $i }}:{{ $f.Name }}{{ end }}")
                        .execute(report))
                .isEqualTo("0:1.sql,1:2.sql");
        assertThat(LintTemplate.parse(
                                "{{ $n := 0 }}{{ range .Files }}{{ if ne .Text \"\" }}{{ $n = add $n 1 }}{{ end }}"
                                        + "{{ end }}{{ $n }} of {{ .Count }}")
                        .execute(report))
                .isEqualTo("1 of 2");
        assertThat(LintTemplate.parse(
                                "{{ define \"f\" }}[{{ .Name | upper }}]{{ end }}"
                                        + "{{ range .Files }}{{ template \"f\" . }}{{ end }}"
                                        + "{{ with index .Files 1 }}{{ if and (eq .Name \"2.sql\") (not .Text) }} empty{{ end }}{{ end }}")
                        .execute(report))
                .isEqualTo("[1.SQL][2.SQL] empty");
        assertThat(LintTemplate.parse("{{ range .Files }}{{ if eq .Name \"2.sql\" }}{{ break }}{{ end }}{{ .Name }}"
                                + "{{ end }} {{ block \"n\" .Count }}{{ gt . 1 }}{{ end }}")
                        .execute(report))
                .isEqualTo("1.sql true");
        // Go's nil (a URL without a user) is false and prints <nil>, and values print as Go's fmt does.
        LintTree.Struct url = new LintTree.Struct(Map.of("User", GoNil.NIL), Map.of());
        assertThat(LintTemplate.parse("{{ if .User }}user{{ else }}{{ .User }}{{ end }} {{ json . }}")
                        .execute(url))
                .isEqualTo("<nil> {\"User\":null}");
        assertThat(LintTemplate.parse("{{ index .Files 0 }}").execute(report)).isEqualTo("{1.sql a<b&c}");
    }

    @Test
    void malformedTemplatesAndUnknownNamesAreErrors() {
        assertThat(message(() -> LintTemplate.parse("{{ range .Files }}")))
                .isEqualTo("template: format:1: range has no {{end}}");
        assertThat(message(() -> LintTemplate.parse("{{ .Files"))).isEqualTo("template: format:1: unclosed action");
        assertThat(message(() -> LintTemplate.parse("{{ nope . }}").execute(report)))
                .isEqualTo("template: format:1: function \"nope\" not defined");
        assertThat(message(() -> LintTemplate.parse("{{ add 1 .Files }}").execute(report)))
                .isEqualTo(
                        "template: format:1:1: executing \"format\" at <add>: error calling add: expected a number, found [{1.sql a<b&c} {2.sql }]");
    }

    @Test
    void jsonNeedsAValueAndRepeatIsBounded() {
        assertThat(message(() -> LintTemplate.parse("{{ json }}").execute(report)))
                .isEqualTo(
                        "template: format:1:1: executing \"format\" at <json>: error calling json: want at least 1 arguments, got 0");
        assertThat(message(() ->
                        LintTemplate.parse("{{ repeat \"ab\" 99999999999 }}").execute(report)))
                .isEqualTo(
                        "template: format:1:1: executing \"format\" at <repeat>: error calling repeat: repeat count 99999999999 makes more than 1048576"
                                + " characters");
        assertThat(message(() -> LintTemplate.parse("{{ repeat \"ab\" -1 }}").execute(report)))
                .isEqualTo(
                        "template: format:1:1: executing \"format\" at <repeat>: error calling repeat: negative repeat count -1");
    }

    private static String message(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(TemplateException.class);
        return LintTemplate.message((TemplateException) thrown);
    }
}
