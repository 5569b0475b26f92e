package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileDirectivesTest {

    @Test
    void readsTheHeaderSeparatedByABlankLine() {
        FileDirectives directives = FileDirectives.parse(
                """
                -- atlas:txmode none
                --atlas:nolint DS103 destructive
                # atlas:checkpoint v1
                -- a plain comment
                -- atlas:future something

                CREATE TABLE t (id int);
                """);
        assertThat(directives.txMode()).contains("none");
        assertThat(directives.noLint()).contains(List.of("DS103", "destructive"));
        assertThat(directives.checkpoint()).contains("v1");
        assertThat(directives.delimiter()).isEmpty();
        assertThat(directives.txtar()).isFalse();
        assertThat(directives.sumIgnore()).isFalse();
    }

    @Test
    void readsBareDirectives() {
        FileDirectives directives = FileDirectives.parse("-- atlas:nolint\n-- atlas:checkpoint\n\nSELECT 1;\n");
        assertThat(directives.noLint()).contains(List.of());
        assertThat(directives.checkpoint()).contains("");
        assertThat(directives.txMode()).isEmpty();
    }

    @Test
    void joinsNolintDirectivesAndLetsABareOneMeanAll() {
        assertThat(FileDirectives.parse("-- atlas:nolint DS102\n-- atlas:nolint MF103\n\nSELECT 1;")
                        .noLint())
                .contains(List.of("DS102", "MF103"));
        assertThat(FileDirectives.parse("-- atlas:nolint DS102\n-- atlas:nolint\n\nSELECT 1;")
                        .noLint())
                .contains(List.of());
        assertThat(FileDirectives.parse("-- atlas:nolint\n-- atlas:nolint DS102\n\nSELECT 1;")
                        .noLint())
                .contains(List.of());
    }

    @Test
    void readsNoFileDirectivesFromCommentsAttachedToTheFirstStatement() {
        FileDirectives directives = FileDirectives.parse("-- atlas:txmode none\n-- atlas:nolint\nDROP TABLE t;\n");
        assertThat(directives.txMode()).isEmpty();
        assertThat(directives.noLint()).isEmpty();
        assertThat(FileDirectives.parse("\n-- atlas:txmode none\n\nSELECT 1;").txMode())
                .as("the header starts on the first line")
                .isEmpty();
        assertThat(FileDirectives.parse("SELECT 1;\n-- atlas:txmode none\n\nSELECT 2;")
                        .txMode())
                .isEmpty();
    }

    @Test
    void readsAHeaderThatEndsTheFileAndCrlfLines() {
        assertThat(FileDirectives.parse("-- atlas:txmode file").txMode()).contains("file");
        assertThat(FileDirectives.parse("-- atlas:txmode file\r\n-- atlas:checkpoint t\r\n\r\nSELECT 1;\r\n"))
                .satisfies(d -> {
                    assertThat(d.txMode()).contains("file");
                    assertThat(d.checkpoint()).contains("t");
                });
    }

    @Test
    void rejectsAnUnknownTxmodeAtItsValue() {
        assertThatThrownBy(() -> FileDirectives.parse("-- atlas:nolint\n-- atlas:txmode all\n\nSELECT 1;"))
                .isInstanceOfSatisfying(ScanException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(17);
                    assertThat(e.detail()).isEqualTo("unknown atlas:txmode \"all\": expected none or file");
                })
                .isInstanceOf(MigrateException.class)
                .hasMessage("2:17: unknown atlas:txmode \"all\": expected none or file");
        assertThatThrownBy(() -> FileDirectives.parse("-- atlas:txmode\n\nSELECT 1;"))
                .hasMessage("1:16: unknown atlas:txmode \"\": expected none or file");
    }

    @Test
    void rejectsARepeatedTxmode() {
        assertThatThrownBy(() -> FileDirectives.parse("-- atlas:txmode none\n-- atlas:txmode file\n\nSELECT 1;"))
                .isInstanceOf(ScanException.class)
                .hasMessage("2:1: repeated atlas:txmode directive: expected at most one per file");
    }

    @Test
    void readsTheDelimiterOnlyFromTheFirstLineWithItsEscapesResolved() {
        assertThat(FileDirectives.parse("-- atlas:delimiter \\n\\n\nSELECT 1\n\nSELECT 2")
                        .delimiter())
                .contains("\n\n");
        assertThat(FileDirectives.parse("-- atlas:delimiter -- end\r\nSELECT 1\r\n-- end\r\n")
                        .delimiter())
                .contains("-- end");
        assertThat(FileDirectives.parse("-- atlas:delimiter \\t\\r$$\n").delimiter())
                .contains("\t\r$$");
        assertThat(FileDirectives.parse("--atlas:delimiter $$\nSELECT 1$$").delimiter())
                .as("must start with '-- '")
                .isEmpty();
        assertThat(FileDirectives.parse("-- atlas:nolint\n-- atlas:delimiter $$\n\nSELECT 1$$")
                        .delimiter())
                .isEmpty();
        assertThat(FileDirectives.parse("-- atlas:delimiterx $$\n").delimiter()).isEmpty();
        assertThatThrownBy(() -> FileDirectives.parse("-- atlas:delimiter   \nSELECT 1;"))
                .isInstanceOf(ScanException.class)
                .hasMessageStartingWith("1:19: atlas:delimiter has no delimiter");
    }

    @Test
    void readsTheDelimiterLineAsPartOfTheHeader() {
        FileDirectives directives = FileDirectives.parse("-- atlas:delimiter $$\n-- atlas:txmode none\n\nSELECT 1$$");
        assertThat(directives.delimiter()).contains("$$");
        assertThat(directives.txMode()).contains("none");
    }

    @Test
    void readsSumIgnoreAsTheChecksumDoes() {
        List<String> texts = List.of(
                "-- atlas:sum ignore\nSELECT 1;",
                "/* atlas:sum ignore\n*/",
                "#atlas:sum ignore \r\n",
                "-- atlas:sum ignore",
                "-- atlas:sum ignored\n",
                "-- atlas:sum  ignore\n",
                "SELECT 1;\n-- atlas:sum ignore\n",
                "\t-- atlas:sum ignore\n");
        for (String text : texts) {
            boolean expected = SumFile.isIgnored(new MigrationFile("1.sql", text.getBytes(StandardCharsets.UTF_8)));
            assertThat(FileDirectives.parse(text).sumIgnore()).as(text).isEqualTo(expected);
        }
        assertThat(FileDirectives.parse("-- atlas:sum ignore\n").sumIgnore()).isTrue();
        assertThat(FileDirectives.parse("-- atlas:sum ignored\n").sumIgnore()).isFalse();
    }

    @Test
    void readsTheHeaderOfATxtarFileFromItsArchiveComment() {
        FileDirectives directives = FileDirectives.parse(
                """
                -- atlas:txtar
                -- atlas:txmode none
                -- checks.sql --
                -- atlas:assert oneof
                SELECT true;
                -- migration.sql --
                -- atlas:nolint
                CREATE TABLE t (id int);
                """);
        assertThat(directives.txtar()).isTrue();
        assertThat(directives.txMode()).contains("none");
        assertThat(directives.noLint()).isEmpty();
        assertThat(FileDirectives.parse("SELECT 1;\n-- atlas:txtar\n").txtar()).isFalse();
        assertThat(FileDirectives.parse("-- atlas:txtar  \r\n-- migration.sql --\nSELECT 1;\n")
                        .txtar())
                .isTrue();
    }

    @Test
    void ignoresUnknownDirectivesAndOtherComments() {
        FileDirectives directives = FileDirectives.parse("-- atlas:import x.sql\n-- atlas:\n-- atlas\n\nSELECT 1;");
        assertThat(directives)
                .isEqualTo(new FileDirectives(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false));
    }
}
