package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImplicitTxModeTest {

    private static Optional<String> txMode(DirFormat format, String text, ScannerOptions options) {
        MigrationFile file = new MigrationFile("V2__i.sql", text.getBytes(StandardCharsets.UTF_8), format, "2", "i");
        return MigrationScript.parse(file, options).directives().txMode();
    }

    @Test
    void flywayAndGolangMigrateRunAFileWithAStatementPostgresRefusesInATransactionOutsideOne() {
        String text = "CREATE TABLE t (id int);\nCREATE UNIQUE INDEX CONCURRENTLY i ON t (id);\n";
        assertThat(txMode(DirFormat.FLYWAY, text, ScannerOptions.POSTGRES)).contains("none");
        assertThat(txMode(DirFormat.GOLANG_MIGRATE, "VACUUM t;\n", ScannerOptions.POSTGRES))
                .contains("none");
        assertThat(txMode(DirFormat.FLYWAY, "CREATE DATABASE other;\n", ScannerOptions.POSTGRES))
                .contains("none");
    }

    @Test
    void otherFilesFormatsAndDialectsKeepTheirMode() {
        assertThat(txMode(DirFormat.FLYWAY, "CREATE INDEX i ON t (id);\n", ScannerOptions.POSTGRES))
                .isEmpty();
        assertThat(txMode(
                        DirFormat.FLYWAY,
                        "-- CREATE INDEX CONCURRENTLY in a comment\nSELECT 1;\n",
                        ScannerOptions.POSTGRES))
                .isEmpty();
        // The atlas format and the formats with their own annotation say it in the file.
        assertThat(txMode(DirFormat.ATLAS, "CREATE INDEX CONCURRENTLY i ON t (id);\n", ScannerOptions.POSTGRES))
                .isEmpty();
        assertThat(txMode(DirFormat.LIQUIBASE, "CREATE INDEX CONCURRENTLY i ON t (id);\n", ScannerOptions.POSTGRES))
                .isEmpty();
        assertThat(txMode(DirFormat.FLYWAY, "VACUUM;\n", ScannerOptions.SQLITE)).isEmpty();
        assertThat(txMode(
                        DirFormat.FLYWAY,
                        "-- atlas:txmode file\n\nCREATE INDEX CONCURRENTLY i ON t (id);\n",
                        ScannerOptions.POSTGRES))
                .contains("file");
    }
}
