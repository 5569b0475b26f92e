package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlumbTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun run = CliRun.of(dir, dir, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Database schema as code, with testing at its center.\n")
                .contains("Usage: plumb [-hV] COMMAND")
                .contains("  script   Run txtar test scripts.")
                .contains("  migrate  Write, check, apply and revert versioned migrations.")
                .contains("Exit codes: 0 success, 1 failure");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void scriptRunHelpDescribesEveryOption() {
        CliRun run = CliRun.of(dir, dir, "script", "run", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: plumb script run")
                .contains("-u, --update")
                .contains("--keep-work")
                .contains("--run=REGEXP")
                .contains("--short")
                .contains("--timeout=DURATION")
                .contains("-v, --verbose")
                .contains("PATH...");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.of(dir, dir, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("plumb " + PlumbVersionProvider.version() + "\n");
        assertThat(PlumbVersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void subcommandsPrintTheSameVersion() {
        assertThat(CliRun.of(dir, dir, "script", "run", "--version").out())
                .isEqualTo("plumb " + PlumbVersionProvider.version() + "\n");
    }

    @Test
    void unknownFlagIsAUsageErrorWithoutStackTrace() {
        CliRun run = CliRun.of(dir, dir, "script", "run", "--bogus", ".");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--bogus'").contains("Usage: plumb script run");
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRun run = CliRun.of(dir, dir, "script");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required subcommand").contains("Usage: plumb script");
    }

    @Test
    void badTimeoutIsAUsageError() {
        CliRun run = CliRun.of(dir, dir, "script", "run", "--timeout", "soon", ".");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--timeout': invalid duration \"soon\"");
    }

    @Test
    void badRegexpIsAUsageErrorNamingTheFlagAndPosition() {
        CliRun run = CliRun.of(dir, dir, "script", "run", "--run", "[", ".");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("--run: invalid regular expression \"[\": unclosed character class at position 1")
                .doesNotContain("Exception")
                .doesNotContain("java.");
    }

    @Test
    void unexpectedErrorIsOneLineWithoutStackTrace() throws IOException {
        Files.writeString(dir.resolve("ok.txtar"), "exists ok.txtar\n");
        Path notADirectory = Files.writeString(dir.resolve("tmp"), "a file, not a directory\n");

        CliRun run = CliRun.of(dir, Map.of("TMPDIR", notADirectory.toString()), "script", "run", "ok.txtar");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("plumb: " + notADirectory + ": file exists\n");
        assertThat(run.out()).isEmpty();
    }
}
