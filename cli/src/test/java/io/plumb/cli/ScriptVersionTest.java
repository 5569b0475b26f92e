package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.script.ScriptDialect;
import io.plumb.engine.script.ScriptTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference suites' harness commands: {@code only} over {@code $version}, {@code validJSON}, and the server
 * names {@code --dialect} takes.
 */
class ScriptVersionTest {

    @TempDir
    Path dir;

    private Path tmp;

    @BeforeEach
    void makeDirectories() throws IOException {
        tmp = Files.createDirectory(dir.resolve("tmp"));
    }

    @Test
    void onlyRunsTheScriptWhenAPatternMatchesTheVersion() throws IOException {
        Files.writeString(
                dir.resolve("runs.txtar"), "only postgres sqlite\nexists $version.txt\n-- sqlite.txt --\nx\n");
        Files.writeString(dir.resolve("case.txtar"), "only SQL\nexists a.txt\n-- a.txt --\nx\n");
        Files.writeString(dir.resolve("skips.txtar"), "only postgres1[45] maria*\nexists should-have-skipped\n");
        Files.writeString(dir.resolve("negated.txtar"), "! only sqlite\nexists should-have-skipped\n");
        Files.writeString(dir.resolve("negated-runs.txtar"), "! only postgres\nexists a.txt\n-- a.txt --\nx\n");

        CliRun run = CliRun.of(
                dir,
                tmp,
                "script",
                "run",
                "runs.txtar",
                "case.txtar",
                "skips.txtar",
                "negated.txtar",
                "negated-runs.txtar");

        assertThat(run.out())
                .as(run.err())
                .contains("PASS runs\n", "PASS case\n", "SKIP skips", "SKIP negated\n", "PASS negated-runs\n")
                .doesNotContain("should-have-skipped")
                .endsWith("3 passed, 0 failed, 2 skipped\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void validJsonAcceptsOneObjectOnly() throws IOException {
        Files.writeString(
                dir.resolve("json.txtar"),
                """
                validJSON object.json
                validJSON null.json
                atlas schema inspect --url URL --format '{{ json . }}'
                validJSON stdout
                -- object.json --
                {"a": [1, {"b": null}]}
                -- null.json --
                null
                """);
        Files.writeString(dir.resolve("array.txtar"), "validJSON array.json\n-- array.json --\n[1]\n");
        Files.writeString(dir.resolve("broken.txtar"), "validJSON broken.json\n-- broken.json --\n{\"a\":\n");
        Files.writeString(dir.resolve("two.txtar"), "validJSON two.json\n-- two.json --\n{} {}\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "json.txtar", "array.txtar", "broken.txtar", "two.txtar");

        assertThat(run.out())
                .as(run.err())
                .contains("PASS json\n", "array.json: not a JSON object", "broken.json: invalid JSON")
                .contains("two.json: more than one JSON value")
                .endsWith("1 passed, 3 failed\n");
    }

    @Test
    void dialectNamesMapToServerVersionsAndReferenceNames() {
        assertThat(ScriptTarget.parse("sqlite"))
                .isEqualTo(new ScriptTarget(ScriptDialect.SQLITE, "sqlite", "", "sqlite"));
        assertThat(ScriptTarget.parse("postgres"))
                .isEqualTo(new ScriptTarget(ScriptDialect.POSTGRES, "postgres", "17", "postgres17"));
        assertThat(ScriptTarget.parse("postgres15"))
                .isEqualTo(new ScriptTarget(ScriptDialect.POSTGRES, "postgres15", "15", "postgres15"));
        assertThat(ScriptTarget.parse("mysql"))
                .isEqualTo(new ScriptTarget(ScriptDialect.MYSQL, "mysql", "11.4", "maria114"));
        assertThat(ScriptTarget.parse("maria1011"))
                .isEqualTo(new ScriptTarget(ScriptDialect.MYSQL, "maria1011", "10.11", "maria1011"));
        assertThat(ScriptTarget.parse("maria107"))
                .isEqualTo(new ScriptTarget(ScriptDialect.MYSQL, "maria107", "10.7", "maria107"));
        assertThatThrownBy(() -> ScriptTarget.parse("mysql8")).hasMessageContaining("no embedded mysql8 server");
        assertThatThrownBy(() -> ScriptTarget.parse("oracle")).hasMessageContaining("unknown script dialect");
    }
}
