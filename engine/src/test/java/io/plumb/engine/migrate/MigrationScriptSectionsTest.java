package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sections of a txtar migration file: each at most once, positions in the whole file. */
class MigrationScriptSectionsTest {

    private static MigrationFile file(String text) {
        return new MigrationFile("2_t.sql", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSecondMigrationSectionIsRefusedAtItsMarker() {
        MigrationFile file = file("-- atlas:txtar\n\n-- migration.sql --\nCREATE TABLE a (x int);\n"
                + "-- checks.sql --\nSELECT 1;\n-- migration.sql --\nCREATE TABLE b (x int);\n");

        assertThatThrownBy(() -> MigrationScript.parse(file, ScannerOptions.SQLITE))
                .isInstanceOf(MigrationFileException.class)
                .hasMessage("2_t.sql:7:1: duplicate section \"migration.sql\" in a txtar migration file: each section"
                        + " may appear once");
        assertThatThrownBy(() -> MigrationScript.migrationOnly(file, ScannerOptions.SQLITE))
                .hasMessageStartingWith("2_t.sql:7:1: duplicate section \"migration.sql\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"checks.sql", "checks/users.sql", "down.sql"})
    void everyOtherSectionIsRefusedTwiceToo(String name) {
        MigrationFile file = file("-- atlas:txtar\n-- " + name + " --\nSELECT 1;\n-- migration.sql --\nSELECT 1;\n"
                + "-- " + name + " --\nSELECT 2;\n");

        assertThatThrownBy(() -> MigrationScript.parse(file, ScannerOptions.SQLITE))
                .hasMessageStartingWith("2_t.sql:6:1: duplicate section \"" + name + "\"");
    }

    @Test
    void distinctSectionsKeepTheirPositions() {
        MigrationFile file = file("-- atlas:txtar\n-- checks/a.sql --\nSELECT 1;\n-- checks/b.sql --\nSELECT 1;\n"
                + "-- migration.sql --\n\nCREATE TABLE a (x int);\n");

        MigrationScript script = MigrationScript.parse(file, ScannerOptions.SQLITE);

        assertThat(script.checks()).extracting(CheckFile::name).containsExactly("checks/a.sql", "checks/b.sql");
        assertThat(script.statements()).singleElement().satisfies(s -> assertThat(s.line())
                .isEqualTo(8));
    }
}
