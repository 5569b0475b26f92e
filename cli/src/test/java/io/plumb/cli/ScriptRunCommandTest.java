package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunCommandTest {
    private static final String PASSING =
            """
            env GREETING=hello
            exists a.txt
            stop 'all good'
            -- a.txt --
            hello
            """;
    private static final String FAILING =
            """
            # the file is not there
            exists missing.txt
            """;
    private static final String SKIPPING =
            """
            skip 'no database here'
            exists never.txt
            """;

    @TempDir
    Path dir;

    private Path tmp;
    private Path scripts;

    @BeforeEach
    void makeDirectories() throws IOException {
        tmp = Files.createDirectory(dir.resolve("tmp"));
        scripts = Files.createDirectory(dir.resolve("scripts"));
    }

    @Test
    void passingScriptsExitZero() throws IOException {
        write("scripts/one.txtar", PASSING);
        write("scripts/two.txtar", "exists $WORK\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "scripts");

        assertThat(run.out()).isEqualTo("PASS one\nPASS two\n2 passed, 0 failed\n");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void failureIsReportedWithItsLogIndented() throws IOException {
        write("scripts/a.txtar", PASSING);
        write("scripts/b.txtar", FAILING);
        write("scripts/c.txtar", SKIPPING);

        CliRun run = CliRun.of(dir, tmp, "script", "run", "scripts");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("PASS a\nFAIL b\n");
        assertThat(run.out()).contains("\n    > exists missing.txt\n").containsPattern("\n    FAIL: .*b\\.txtar:2: ");
        assertThat(run.out()).endsWith("SKIP c\n    no database here\n1 passed, 1 failed, 1 skipped\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void skippedScriptsDoNotFailTheRun() throws IOException {
        write("scripts/skipped.txtar", SKIPPING);

        CliRun run = CliRun.of(dir, tmp, "script", "run", "scripts/skipped.txtar");

        assertThat(run.out()).isEqualTo("SKIP skipped\n    no database here\n0 passed, 0 failed, 1 skipped\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void directoriesAreSearchedRecursivelyAndClashingNamesAreNumbered() throws IOException {
        write("scripts/same.txtar", "exists $WORK\n");
        write("scripts/nested/same.txtar", "exists $WORK\n");
        write("scripts/nested/notes.txt", "not a script\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "scripts");

        assertThat(run.out()).isEqualTo("PASS same\nPASS same#1\n2 passed, 0 failed\n");
    }

    @Test
    void relativePathsResolveAgainstTheEnvironmentsWorkingDirectory() throws IOException {
        write("scripts/here.txtar", "exists $WORK\n");

        CliRun run = CliRun.of(scripts, tmp, "script", "run", "here.txtar");

        assertThat(run.out()).isEqualTo("PASS here\n1 passed, 0 failed\n");
    }

    @Test
    void runFilterSelectsScriptsByNameAndCountsOnlyThose() throws IOException {
        write("scripts/lint_basic.txtar", "exists $WORK\n");
        write("scripts/lint_broken.txtar", FAILING);
        write("scripts/plan.txtar", FAILING);

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--run", "basic|^pl", "scripts");
        assertThat(run.out()).startsWith("PASS lint_basic\nFAIL plan\n").endsWith("\n1 passed, 1 failed\n");
        assertThat(run.exitCode()).isEqualTo(1);

        CliRun none = CliRun.of(dir, tmp, "script", "run", "--run", "nothing", "scripts");
        assertThat(none.out()).isEqualTo("0 passed, 0 failed\n");
        assertThat(none.exitCode()).isZero();
    }

    @Test
    void updateRewritesAnArchiveWhoseCmpFailed() throws IOException {
        Path script = write(
                "scripts/version.txtar",
                """
                plumb --version
                cmp stdout want
                -- want --
                plumb 0.0.0-wrong
                """);

        CliRun failing = CliRun.of(dir, tmp, "script", "run", "scripts");
        assertThat(failing.out()).startsWith("FAIL version\n").contains("want differ");
        assertThat(Files.readString(script)).contains("0.0.0-wrong");

        CliRun update = CliRun.of(dir, tmp, "script", "run", "-u", "scripts");
        assertThat(update.out()).isEqualTo("PASS version\n1 passed, 0 failed\n");
        assertThat(update.exitCode()).isZero();
        assertThat(Files.readString(script))
                .isEqualTo(
                        "plumb --version\ncmp stdout want\n-- want --\nplumb " + PlumbVersionProvider.version() + "\n");

        assertThat(CliRun.of(dir, tmp, "script", "run", "scripts").out())
                .isEqualTo("PASS version\n1 passed, 0 failed\n");
    }

    @Test
    void workDirectoriesGoUnderTmpdirAndAreRemoved() throws IOException {
        write("scripts/tmp.txtar", """
                env
                exists $WORK
                """);

        CliRun run = CliRun.of(dir, tmp, "script", "run", "scripts");

        assertThat(run.out()).isEqualTo("PASS tmp\n1 passed, 0 failed\n");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void keepWorkLeavesTheWorkDirectoryAndPrintsIt() throws IOException {
        write(
                "scripts/kept.txtar",
                """
                cp data.txt copy.txt
                -- data.txt --
                data
                """);

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--keep-work", "scripts");

        assertThat(run.out()).startsWith("PASS kept\n    WORK=").endsWith("\n1 passed, 0 failed\n");
        Path work = Path.of(run.out().lines().toList().get(1).substring("    WORK=".length()));
        assertThat(work).startsWith(tmp.toRealPath());
        assertThat(work.resolve("copy.txt")).hasContent("data");
    }

    @Test
    void verbosePrintsTheLogOfPassingScripts() throws IOException {
        write("scripts/loud.txtar", "exists $WORK\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "-v", "scripts");

        assertThat(run.out())
                .startsWith("PASS loud\n    WORK=$WORK\n")
                .contains("\n    > exists $WORK\n")
                .endsWith("\n1 passed, 0 failed\n");
    }

    @Test
    void missingPathIsAnError() throws IOException {
        write("scripts/fine.txtar", "exists $WORK\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "scripts", "nowhere/x.txtar");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("plumb: nowhere/x.txtar: no such file or directory\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noScriptsIsAnError() throws IOException {
        write("scripts/readme.txt", "not a script\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "scripts", "tmp");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("plumb: no scripts found in scripts tmp\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shortMakesTheShortConditionHold() throws IOException {
        write(
                "scripts/slow.txtar",
                """
                [short] skip 'slow'
                exists $WORK
                """);

        assertThat(CliRun.of(dir, tmp, "script", "run", "scripts").out()).isEqualTo("PASS slow\n1 passed, 0 failed\n");
        assertThat(CliRun.of(dir, tmp, "script", "run", "--short", "scripts").out())
                .isEqualTo("SKIP slow\n    slow\n0 passed, 0 failed, 1 skipped\n");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void parallelRunsPrintResultsInScriptOrder() throws IOException {
        // The first script is the slowest, so it finishes last; its result must still come first.
        write("scripts/a.txtar", "[exec:sleep] exec sleep 1\nexists $WORK\n");
        for (int i = 0; i < 6; i++) {
            write("scripts/b" + i + ".txtar", "exists $WORK\n");
        }

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--parallel", "4", "scripts");

        assertThat(run.out())
                .isEqualTo("PASS a\nPASS b0\nPASS b1\nPASS b2\nPASS b3\nPASS b4\nPASS b5\n7 passed, 0 failed\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void parallelMustBePositive() throws IOException {
        write("scripts/a.txtar", PASSING);

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--parallel", "0", "scripts");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--parallel must be at least 1, not 0");
    }
}
