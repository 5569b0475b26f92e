package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static Placeholders flyway(String... parameters) {
        Placeholders placeholders = Placeholders.FLYWAY;
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            placeholders = placeholders.with(
                    parameter.substring(0, equals), parameter.substring(equals + 1), "file://db?" + parameter);
        }
        return placeholders;
    }

    private static MigrationFile flywayFile(String raw, Placeholders placeholders) {
        return new MigrationFile("V1__a.sql", raw.getBytes(StandardCharsets.UTF_8), DirFormat.FLYWAY, "1", "a")
                .withPlaceholders(placeholders);
    }

    @Test
    void replacesEveryPlaceholderWithItsValueAnywhereInTheText() {
        Placeholders placeholders = flyway("placeholders.schema=tenant_1", "placeholders.role=app%27s");
        assertThat(placeholders.replace("V1__a.sql", "CREATE SCHEMA ${schema}; -- ${schema}\nGRANT '${role}'"))
                .isEqualTo("CREATE SCHEMA tenant_1; -- tenant_1\nGRANT 'app's'");
    }

    @Test
    void namesAreCaseSensitiveAndAMissingOneIsAnErrorAtItsLineAndColumn() {
        Placeholders placeholders = flyway("placeholders.schema=s");
        assertThatThrownBy(() -> placeholders.replace("sub/V2__b.sql", "SELECT 1;\n  SELECT ${Schema};"))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith("sub/V2__b.sql:2:10: Flyway placeholder ${Schema} has no value");
        assertThatThrownBy(() -> placeholders.replace("V2__b.sql", "SELECT '${flyway:user}';"))
                .hasMessageContaining("${flyway:user} has no value (Flyway fills it in from its connection or run,"
                        + " which plumb does not make)");
    }

    @Test
    void flywaysFilenameIsTheFilesBaseNameUnlessAValueIsGiven() {
        assertThat(Placeholders.FLYWAY.replace("sub/V2__b.sql", "-- ${flyway:filename}"))
                .isEqualTo("-- V2__b.sql");
        assertThat(flyway("placeholders.flyway%3Afilename=x").replace("V2__b.sql", "-- ${flyway:filename}"))
                .isEqualTo("-- x");
    }

    @Test
    void textThatIsNoPlaceholderStaysAsWritten() {
        String text = "SELECT '${}', '${broken\n}', $${'x'}$$, 'cost: $5', '{a}';";
        assertThatThrownBy(() -> Placeholders.FLYWAY.replace("V1__a.sql", text))
                .hasMessageStartingWith("V1__a.sql:2:6: Flyway placeholder ${'x'} has no value");
        String noPlaceholder = "SELECT '${}', '${broken\n}', 'cost: $5', '{a}';";
        assertThat(Placeholders.FLYWAY.replace("V1__a.sql", noPlaceholder)).isEqualTo(noPlaceholder);
    }

    @Test
    void otherDelimitersAndReplacementOffAreSettingsToo() {
        Placeholders hash = flyway("placeholderPrefix=%23%5B", "placeholderSuffix=%5D", "placeholders.t=x");
        assertThat(hash.replace("V1__a.sql", "CREATE TABLE #[t] (c text DEFAULT '${t}');"))
                .isEqualTo("CREATE TABLE x (c text DEFAULT '${t}');");
        Placeholders off = flyway("placeholderReplacement=false");
        assertThat(off.replace("V1__a.sql", "SELECT '${t}';")).isEqualTo("SELECT '${t}';");
        assertThat(off.key()).isEmpty();
        assertThat(Placeholders.NONE.replace("1_a.sql", "SELECT '${t}';")).isEqualTo("SELECT '${t}';");
    }

    @Test
    void malformedSettingsAreErrorsThatNeverPrintAValue() {
        assertThatThrownBy(() -> flyway("placeholderReplacement=yes"))
                .hasMessage("migration directory parameter placeholderReplacement in"
                        + " \"file://db?placeholderReplacement=yes\": expected true or false, found \"yes\"");
        assertThatThrownBy(() -> flyway("placeholderPrefix="))
                .hasMessage("migration directory parameter placeholderPrefix in \"file://db?placeholderPrefix=\" is"
                        + " empty");
        assertThatThrownBy(() -> flyway("placeholders.=secret"))
                .hasMessage("migration directory parameter \"placeholders.\" in \"file://db?placeholders.=xxxxx\""
                        + " names no placeholder: expected placeholders.NAME=VALUE");
        assertThatThrownBy(() -> flyway("placeholders.pw=%zz"))
                .hasMessageStartingWith("migration directory parameter \"placeholders.pw\" in"
                        + " \"file://db?placeholders.pw=xxxxx\" is not URL-encoded");
        assertThat(flyway("placeholders.pw=s3cret").toString())
                .doesNotContain("s3cret")
                .contains("[pw]");
        assertThat(Placeholders.redact("file://db?format=flyway&placeholders.pw=s3cret&placeholders.x=1"))
                .isEqualTo("file://db?format=flyway&placeholders.pw=xxxxx&placeholders.x=xxxxx");
    }

    @Test
    void theKeyTellsValuesApartSoThatSnapshotsOfOtherValuesAreNotReused() {
        MigrationFile file = new MigrationFile(
                "V1__a.sql",
                "CREATE TABLE ${t} (id int);".getBytes(StandardCharsets.UTF_8),
                DirFormat.FLYWAY,
                "1",
                "a");
        String plain = PrefixHash.of(List.of(file));
        String a = PrefixHash.of(List.of(file.withPlaceholders(flyway("placeholders.t=a"))));
        String b = PrefixHash.of(List.of(file.withPlaceholders(flyway("placeholders.t=b"))));
        String ab = PrefixHash.of(List.of(file.withPlaceholders(flyway("placeholders.t=a", "placeholders.u=b"))));
        assertThat(List.of(plain, a, b, ab)).doesNotHaveDuplicates();
        assertThat(PrefixHash.of(List.of(file.withPlaceholders(flyway("placeholders.t=a")))))
                .isEqualTo(a);
        assertThat(PrefixHash.of(List.of(file.withPlaceholders(Placeholders.NONE))))
                .isEqualTo(plain);
    }

    @Test
    void statementsAreShownAsWrittenWithTheirPlaceholdersNotTheirValues() {
        Placeholders placeholders = flyway("placeholders.pw=s3cret%3Bx", "placeholders.role=app", "placeholders.e=");
        String raw =
                "-- ${flyway:filename}\nCREATE ROLE ${role}${e} PASSWORD '${pw}';\n  GRANT ${role} TO x; SELECT 1;\n";
        MigrationFile file = flywayFile(raw, placeholders);
        MigrationScript script = MigrationScript.parse(file, ScannerOptions.forDialect("postgres"));
        assertThat(script.statements())
                .extracting(Statement::text)
                .containsExactly("CREATE ROLE app PASSWORD 's3cret;x';", "GRANT app TO x;", "SELECT 1;");
        assertThat(script.shownStatements())
                .containsExactly("CREATE ROLE ${role}${e} PASSWORD '${pw}';", "GRANT ${role} TO x;", "SELECT 1;");
        assertThat(file.shown(script.statements().get(1))).isEqualTo("GRANT ${role} TO x;");
    }

    @Test
    void aStatementThatStartsOrEndsInsideAValueIsShownWithItsValuesPutBack() {
        Placeholders placeholders = flyway("placeholders.two=SELECT 1; SELECT 2", "placeholders.pw=s3cret");
        String raw = "${two} FROM t WHERE p = '${pw}';\n";
        MigrationFile file = flywayFile(raw, placeholders);
        MigrationScript script = MigrationScript.parse(file, ScannerOptions.forDialect("postgres"));
        assertThat(script.statements())
                .extracting(Statement::text)
                .containsExactly("SELECT 1;", "SELECT 2 FROM t WHERE p = 's3cret';");
        assertThat(script.shownStatements()).noneMatch(shown -> shown.contains("s3cret"));
        assertThat(script.shownStatements().get(1)).isEqualTo("SELECT 2 FROM t WHERE p = '${pw}';");
    }
}
