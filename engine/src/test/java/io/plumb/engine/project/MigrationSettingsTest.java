package io.plumb.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.hcl.HclException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSettingsTest {

    @TempDir
    Path dir;

    private MigrationSettings settings(String migrationBlock) throws IOException {
        Path file = dir.resolve("atlas.hcl");
        Files.writeString(file, "env \"local\" {\n  url = \"sqlite://a.db\"\n" + migrationBlock + "}\n");
        ProjectFile project = ProjectFile.load(file, "atlas.hcl", Map.of(), name -> null, "local");
        return MigrationSettings.of(project.envs("local").get(0));
    }

    @Test
    void readsEverySetting() throws IOException {
        MigrationSettings settings = settings(
                """
                  migration {
                    dir              = "file://db/migrations"
                    format           = "atlas"
                    baseline         = 20240101000000
                    exec_order       = LINEAR_SKIP
                    lock_timeout     = "30s"
                    revisions_schema = "main"
                  }
                """);
        assertThat(settings)
                .isEqualTo(new MigrationSettings(
                        Optional.of("file://db/migrations"),
                        Optional.of("atlas"),
                        Optional.of("20240101000000"),
                        Optional.of("linear-skip"),
                        Optional.of("30s"),
                        Optional.of("main")));
    }

    @Test
    void noBlockIsNoSettings() throws IOException {
        assertThat(settings("")).isEqualTo(MigrationSettings.none());
    }

    @Test
    void quotedOrdersAreAcceptedAndUnknownOnesRefused() throws IOException {
        assertThat(settings("migration {\n exec_order = \"NON_LINEAR\"\n}\n").execOrder())
                .contains("non-linear");
        assertThatThrownBy(() -> settings("migration {\n exec_order = \"sideways\"\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("atlas.hcl:4:15: unknown exec_order \"sideways\": expected LINEAR, LINEAR_SKIP or"
                        + " NON_LINEAR");
    }

    @Test
    void unknownAndUnsupportedAttributesArePositionedErrors() {
        assertThatThrownBy(() -> settings("migration {\n dri = \"x\"\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessageStartingWith("atlas.hcl:4:2: unknown attribute \"dri\" in migration block");
        assertThatThrownBy(() -> settings("migration {\n exclude = [\"x\"]\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("atlas.hcl:4:2: attribute \"exclude\" of migration is not supported yet by plumb");
        assertThatThrownBy(() -> settings("migration {\n dir = 3 == 3\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("attribute \"dir\" of migration: expected a string, found bool");
    }

    @Test
    void aBadLockTimeoutOrANumericDirIsRefusedAtItsPosition() {
        assertThatThrownBy(() -> settings("  migration {\n    lock_timeout = \"soon\"\n  }\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("atlas.hcl:4:20: attribute \"lock_timeout\" of migration: invalid duration \"soon\","
                        + " expected a duration such as 10s, 1m30s or 500ms");
        assertThatThrownBy(() -> settings("  migration {\n    dir = 5\n  }\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("atlas.hcl:4:11: attribute \"dir\" of migration: expected a string, found number");
    }

    @Test
    void anUnknownFunctionIsNamed() {
        assertThatThrownBy(() -> settings("  migration {\n    dir = dirof(\"x\")\n  }\n"))
                .isInstanceOf(HclException.class)
                .hasMessage("atlas.hcl:4:11: attribute \"dir\" of migration: expected a string, found a call of the"
                        + " unknown function \"dirof\"");
    }
}
