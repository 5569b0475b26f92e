package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTemplateTest {

    private static final Plan PLAN = new Plan(
            List.of(
                    new PlannedChange("create \"users\" table", "CREATE TABLE `users` (`id` int NOT NULL)"),
                    new PlannedChange("", "PRAGMA foreign_keys = off")),
            true);

    @Test
    void theDefaultTemplateWritesACapitalisedCommentAndTheStatementWithItsDelimiter() {
        assertThat(MigrationTemplate.defaults().render(PLAN))
                .isEqualTo("-- Create \"users\" table\nCREATE TABLE `users` (`id` int NOT NULL);\n"
                        + "PRAGMA foreign_keys = off;\n");
    }

    @Test
    void directivesComeFirstThenABlankLine() {
        MigrationTemplate template = new MigrationTemplate("", List.of("-- atlas:delimiter -- end"), "\n-- end");

        assertThat(template.render(new Plan(List.of(PLAN.changes().get(1)), true)))
                .isEqualTo("-- atlas:delimiter -- end\n\nPRAGMA foreign_keys = off\n-- end\n");
    }

    @Test
    void aPlanThatCannotRunInATransactionSaysTxmodeNoneFirst() {
        Plan concurrent =
                new Plan(List.of(new PlannedChange("create index", "CREATE INDEX CONCURRENTLY i ON t (a)")), false);

        assertThat(MigrationTemplate.defaults().render(concurrent))
                .isEqualTo("-- atlas:txmode none\n\n-- Create index\nCREATE INDEX CONCURRENTLY i ON t (a);\n");
        MigrationTemplate delimited = new MigrationTemplate("", List.of("-- atlas:delimiter -- end"), "\n-- end");
        assertThat(delimited.render(concurrent))
                .startsWith("-- atlas:txmode none\n-- atlas:delimiter -- end\n\n-- Create index\n");
    }

    @Test
    void anEmptyPlanIsAnEmptyFile() {
        assertThat(MigrationTemplate.defaults().render(new Plan(List.of(), true)))
                .isEmpty();
    }

    @Test
    void theSqlTemplatesGiveTheIndentation() {
        assertThat(MigrationTemplate.parse("{{ sql . \"  \" }}").indent()).isEqualTo("  ");
        assertThat(MigrationTemplate.parse("{{sql . \"\t\"}}").indent()).isEqualTo("\t");
        assertThat(MigrationTemplate.parse(" {{ sql . }} ")).isEqualTo(MigrationTemplate.defaults());
        assertThat(MigrationTemplate.parse("{{- sql . \"  \" -}}").indent()).isEqualTo("  ");
        assertThat(MigrationTemplate.parse("{{sql $ \"  \t  \"}}").indent()).isEqualTo("  \t  ");
    }

    @Test
    void sqlAmongOtherActionsIsRefusedInTheReferenceWords() {
        assertThatThrownBy(() -> MigrationTemplate.parse("{{ if . }}{{ sql . \"  \" }}{{ end }}"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("'sql' can only be used to indent statements. got: {{if .}}{{sql . \"  \"}}{{end}}");
        assertThatThrownBy(() -> MigrationTemplate.parse("{{ sql . }} extra"))
                .hasMessage("'sql' can only be used to indent statements. got: {{sql .}} extra");
    }

    @Test
    void otherTemplatesAreRefused() {
        for (String format : List.of("{{ .Name }}", "sql", "{{ sql . \"x\" }}")) {
            assertThatThrownBy(() -> MigrationTemplate.parse(format))
                    .as(format)
                    .isInstanceOf(MigrateException.class)
                    .hasMessage(
                            "unsupported migration file format \"" + format
                                    + "\": expected {{ sql . }} or {{ sql . \"INDENT\" }} with an indentation of spaces or tabs");
        }
    }

    @Test
    void templatesThatDoNotParseGetGoErrors() {
        assertThatThrownBy(() -> MigrationTemplate.parse("{{ sql ."))
                .isInstanceOf(MigrateException.class)
                .hasMessage("parse format: template: format:1: unclosed action");
        // Only sql is a function here, as in the reference.
        assertThatThrownBy(() -> MigrationTemplate.parse("\n{{ json . }}"))
                .hasMessage("parse format: template: format:2: function \"json\" not defined");
    }

    @Test
    void fileNamesAreTheUtcTimeAndTheName() {
        Instant now = Instant.parse("2024-06-13T06:11:02.987Z");

        assertThat(MigrationTemplate.fileName(now, "add_users")).isEqualTo("20240613061102_add_users.sql");
        assertThat(MigrationTemplate.fileName(now, "")).isEqualTo("20240613061102.sql");
    }

    @Test
    void aNameWithAPathSeparatorIsRefused() {
        assertThatThrownBy(() -> MigrationTemplate.fileName(Instant.EPOCH, "../escape"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("invalid migration name \"../escape\": expected a plain name without path separators,"
                        + " such as add_users");
    }
}
