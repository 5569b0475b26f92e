package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {

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
        assertThat(GoTemplate.parse("{{ range .Files }}{{ println .Name }}{{ end }}")
                        .execute(report))
                .isEqualTo("1.sql\n2.sql\n");
        assertThat(GoTemplate.parse("{{ len .Files | println }}").execute(report))
                .isEqualTo("2\n");
        assertThat(GoTemplate.parse("{{- if .Empty }}yes{{ else }}no{{ end -}}  \n")
                        .execute(report))
                .isEqualTo("no");
        assertThat(GoTemplate.parse("{{ with .Count }}{{ printf \"%d files, %q\" . \"x\" }}{{ end }}")
                        .execute(report))
                .isEqualTo("2 files, \"x\"");
        assertThat(GoTemplate.parse("{{ sub .Count 1 }} {{ lower \"AB\" }} {{ repeat \"-\" 3 }}")
                        .execute(report))
                .isEqualTo("1 ab ---");
    }

    @Test
    void jsonEscapesHtmlAndIndentsAsGo() {
        assertThat(GoTemplate.parse("{{ json . }}").execute(report))
                .isEqualTo(
                        "{\"Files\":[{\"Name\":\"1.sql\",\"Text\":\"a\\u003cb\\u0026c\"},{\"Name\":\"2.sql\",\"Text\":\"\"}]}");
        assertThat(GoTemplate.parse("{{ json (len .Files) \"  \" }}").execute(report))
                .isEqualTo("2");
        assertThat(GoTemplate.parse("{{ json .Files \"  \" }}").execute(report))
                .isEqualTo("[\n  {\n    \"Name\": \"1.sql\",\n    \"Text\": \"a\\u003cb\\u0026c\"\n  },\n"
                        + "  {\n    \"Name\": \"2.sql\",\n    \"Text\": \"\"\n  }\n]");
    }

    @Test
    void malformedTemplatesAndUnknownNamesAreErrors() {
        assertThatThrownBy(() -> GoTemplate.parse("{{ range .Files }}"))
                .hasMessage("template: unexpected EOF in range");
        assertThatThrownBy(() -> GoTemplate.parse("{{ .Files")).hasMessage("template: unclosed action");
        assertThatThrownBy(() -> GoTemplate.parse("{{ nope . }}").execute(report))
                .hasMessage("template: function \"nope\" not defined");
    }
}
