package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.runner.RunnerOptions;
import io.plumb.runner.ScriptExtension;
import io.plumb.runner.ScriptExtensions;
import io.plumb.runner.ScriptOutcome;
import io.plumb.runner.ScriptResult;
import io.plumb.runner.ScriptRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlumbScriptExtensionTest {
    @TempDir
    Path dir;

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ScriptExtensions.loadAll()).hasAtLeastOneElementOfType(PlumbScriptExtension.class);
        assertThat(new PlumbScriptExtension().commands()).containsOnlyKeys("plumb", "atlas");
    }

    @Test
    void plumbRunsInTheScriptsDirectoryWithItsOutputCaptured() throws IOException {
        ScriptResult result = run(
                """
                plumb --version
                stdout '^plumb \\d'
                ! stderr .

                mkdir sub
                cd sub
                ! plumb script run nothing.txtar
                ! stdout .
                stderr '^plumb: nothing.txtar: no such file or directory$'
                """);

        assertThat(result.outcome()).as(result.log()).isEqualTo(ScriptOutcome.PASSED);
    }

    @Test
    void failingPlumbWithoutNegationFailsTheScript() throws IOException {
        ScriptResult result = run("plumb script run missing.txtar\n");

        assertThat(result.outcome()).isEqualTo(ScriptOutcome.FAILED);
        assertThat(result.message()).contains("unexpected command failure");
        assertThat(result.log()).contains("[stderr]\nplumb: missing.txtar: no such file or directory\n");
    }

    @Test
    void succeedingPlumbWithNegationFailsTheScript() throws IOException {
        ScriptResult result = run("! plumb --help\n");

        assertThat(result.outcome()).isEqualTo(ScriptOutcome.FAILED);
        assertThat(result.message()).contains("unexpected command success");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        ScriptResult result = run(
                """
                ! plumb script run --bogus x
                stderr '^Unknown option: ''--bogus'''
                ! stdout .
                """);

        assertThat(result.outcome()).as(result.log()).isEqualTo(ScriptOutcome.PASSED);
    }

    @Test
    void nestedRunsReportInnerScriptsAndKeepTheirWorkInsideTheOuterScript() throws IOException {
        ScriptResult result = run(
                """
                ! plumb script run inner
                stdout '^PASS good$'
                stdout '^FAIL bad$'
                stdout '^    > exists nothing.txt$'
                stdout '^1 passed, 1 failed$'
                ! stderr .

                plumb script run --keep-work inner/good.txtar
                stdout '^    WORK='${WORK@R}/\\.tmp/
                -- inner/good.txtar --
                exists $WORK
                -- inner/bad.txtar --
                exists nothing.txt
                """);

        assertThat(result.outcome()).as(result.log()).isEqualTo(ScriptOutcome.PASSED);
    }

    private ScriptResult run(String script) throws IOException {
        Path file = Files.writeString(dir.resolve("outer.txtar"), script);
        List<ScriptExtension> extensions = List.of(new PlumbScriptExtension());
        RunnerOptions options = RunnerOptions.defaults()
                .withExtensions(extensions)
                .withWorkRoot(Files.createDirectories(dir.resolve("work")));
        return new ScriptRunner(options).run(file);
    }
}
