package io.plumb.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {
    @TempDir
    Path dir;

    private ScriptResult run(String script) throws IOException {
        return run(RunnerOptions.defaults().withExtensions(List.of()), script);
    }

    private ScriptResult run(RunnerOptions options, String script) throws IOException {
        Path file = dir.resolve("test.txtar");
        Files.writeString(file, script);
        return new ScriptRunner(options.withWorkRoot(dir.resolve("work"))).run(file);
    }

    @Test
    void passingScriptEndsWithPassAndRewindsPhases() throws IOException {
        ScriptResult result = run("# one\nexists a\n# two\n! exists b\n-- a --\n");
        assertThat(result.outcome()).isEqualTo(ScriptOutcome.PASSED);
        assertThat(result.log()).matches("# one \\(\\d+\\.\\d{3}s\\)\n# two \\(\\d+\\.\\d{3}s\\)\nPASS\n");
    }

    @Test
    void failureNamesFileAndLineAndKeepsTheFailingPhase() throws IOException {
        ScriptResult result = run("# one\nexists a\n# two\nexists b\n-- a --\n");
        assertThat(result.outcome()).isEqualTo(ScriptOutcome.FAILED);
        assertThat(result.failureLine()).isEqualTo(4);
        assertThat(result.message()).isEqualTo("$WORK/b does not exist");
        assertThat(result.log())
                .matches(
                        "(?s)# one \\(.*s\\)\n# two \\(.*s\\)\n> exists b\nFAIL: .*test.txtar:4: \\$WORK/b does not exist\n");
    }

    @Test
    void verboseKeepsEveryLine() throws IOException {
        ScriptResult result =
                run(RunnerOptions.defaults().withExtensions(List.of()).withVerbose(true), "# one\nexists a\n-- a --\n");
        assertThat(result.log()).contains("> exists a\n").endsWith("PASS\n");
    }

    @Test
    void stopPassesWithoutPassLine() throws IOException {
        ScriptResult result = run("stop 'done early'\nexists nothing\n");
        assertThat(result.outcome()).isEqualTo(ScriptOutcome.PASSED);
        assertThat(result.log()).doesNotContain("PASS");
    }

    @Test
    void skipSkipsWithItsMessage() throws IOException {
        ScriptResult result = run("skip 'not today'\nexists nothing\n");
        assertThat(result.outcome()).isEqualTo(ScriptOutcome.SKIPPED);
        assertThat(result.message()).isEqualTo("not today");
    }

    @Test
    void workDirIsRemovedUnlessKept() throws IOException {
        ScriptResult removed = run("mkdir x/y\n");
        assertThat(removed.keptWorkDir()).isEmpty();
        // Removal happens on a background thread, shortly after the result.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (var roots = Files.list(dir.resolve("work"))) {
            Path root = roots.findFirst().orElseThrow();
            while (Files.exists(root.resolve("script-test")) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(root.resolve("script-test")).doesNotExist();
        }

        ScriptResult kept =
                run(RunnerOptions.defaults().withExtensions(List.of()).withKeepWork(true), "mkdir x\n");
        assertThat(kept.keptWorkDir()).isPresent();
        assertThat(kept.keptWorkDir().get().resolve("x")).isDirectory();
        assertThat(kept.log()).startsWith("WORK=$WORK\n");
    }

    @Test
    void workDirNamesOfClashingScriptsStayLiteralInUrls() throws IOException {
        // The second of two scripts named alike is called "same#1"; its $WORK goes into URLs, where '#' would
        // start a fragment.
        Path file = dir.resolve("same.txtar");
        Files.writeString(file, "mkdir x\n");
        ScriptRunner runner = new ScriptRunner(RunnerOptions.defaults()
                .withExtensions(List.of())
                .withKeepWork(true)
                .withWorkRoot(dir.resolve("work")));
        ScriptResult result = runner.run(file, "same#1 a+b?c%d");
        assertThat(result.keptWorkDir()).isPresent();
        assertThat(String.valueOf(result.keptWorkDir().get().getFileName())).isEqualTo("script-same_1_a_b_c_d");
    }

    @Test
    void updateModeRewritesTheArchiveForAFailingCmp() throws IOException {
        String script = "exec echo hello\ncmp stdout want\n-- want --\ngoodbye\n";
        ScriptResult result =
                run(RunnerOptions.defaults().withExtensions(List.of()).withUpdate(true), script);
        assertThat(result.outcome()).isEqualTo(ScriptOutcome.PASSED);
        assertThat(dir.resolve("test.txtar")).hasContent("exec echo hello\ncmp stdout want\n-- want --\nhello\n");
    }

    @Test
    void updateModeQuotesContentHoldingAMarkerLine() throws IOException {
        String script = "exec printf '%s\\n' '-- x --'\ncmp stdout want\n-- want --\n";
        run(RunnerOptions.defaults().withExtensions(List.of()).withUpdate(true), script);
        assertThat(dir.resolve("test.txtar"))
                .hasContent("exec printf '%s\\n' '-- x --'\ncmp stdout want\n-- want --\n>-- x --\n");
    }

    @Test
    void updateModeKeepsASymlinkedScriptALinkWithItsMode() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("t.txtar"), "exec echo hello\ncmp stdout want\n-- want --\nbye\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        Path link = Files.createSymbolicLink(dir.resolve("linked.txtar"), Path.of("real/t.txtar"));

        ScriptResult result = new ScriptRunner(RunnerOptions.defaults()
                        .withExtensions(List.of())
                        .withUpdate(true)
                        .withWorkRoot(dir.resolve("work")))
                .run(link);

        assertThat(result.outcome()).isEqualTo(ScriptOutcome.PASSED);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("exec echo hello\ncmp stdout want\n-- want --\nhello\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-rw-r--");
    }

    @Test
    void archiveFilesOutsideWorkAreRefusedAtTheirMarkerLine() throws IOException {
        Path outside = dir.resolve("escaped.txt");
        ScriptResult up = run("exists a\n-- a --\n-- ../../escaped.txt --\nx\n");
        assertThat(up.outcome()).isEqualTo(ScriptOutcome.FAILED);
        assertThat(up.failureLine()).isEqualTo(3);
        assertThat(up.message()).isEqualTo("archive file \"../../escaped.txt\" is outside $WORK");
        assertThat(up.log()).contains("test.txtar:3: archive file");

        ScriptResult viaWork = run("# c\n\n-- a --\nx\ny\n-- $WORK/../../escaped.txt --\nx\n");
        assertThat(viaWork.failureLine()).isEqualTo(6);
        assertThat(viaWork.message()).endsWith("is outside $WORK");

        ScriptResult absolute = run("-- " + outside + " --\nx\n");
        assertThat(absolute.failureLine()).isEqualTo(1);
        assertThat(absolute.message()).isEqualTo("archive file \"" + outside + "\" is outside $WORK");

        ScriptResult itself = run("-- sub/.. --\nx\n");
        assertThat(itself.message()).isEqualTo("archive file \"sub/..\" names $WORK itself");

        assertThat(outside).doesNotExist();
        assertThat(dir.resolve("work/escaped.txt")).doesNotExist();
    }

    @Test
    void archiveFilesInsideWorkMayUseDotDotAndWork() throws IOException {
        ScriptResult result = run("exists b/c\nexists d\n-- b/x/../c --\n-- $WORK/d --\n");
        assertThat(result.outcome()).isEqualTo(ScriptOutcome.PASSED);
    }

    @Test
    void timeLimitFailsAHangingProgram() throws IOException {
        RunnerOptions options =
                RunnerOptions.defaults().withExtensions(List.of()).withTimeout(Duration.ofMillis(500));
        ScriptResult result = run(options, "exec sleep 30\n");
        assertThat(result.outcome()).isEqualTo(ScriptOutcome.FAILED);
        assertThat(result.message()).isEqualTo("test timed out while running command");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void missingScriptFileIsAFailedResultNotAnException() {
        ScriptResult result = new ScriptRunner(RunnerOptions.defaults()).run(dir.resolve("missing.txtar"));
        assertThat(result.outcome()).isEqualTo(ScriptOutcome.FAILED);
        assertThat(result.message()).endsWith("missing.txtar: no such file or directory");
    }

    @Test
    void extensionsAddCommandsConditionsAndSetup() throws IOException {
        ScriptExtension extension = new ScriptExtension() {
            @Override
            public Map<String, ScriptCommand> commands() {
                return Map.of("greet", (ts, negated, args) -> {
                    if (negated) {
                        throw new ScriptFailure("unsupported: ! greet");
                    }
                    ts.stdout().print("hello " + String.join(" ", args) + " from " + ts.getenv("WHO") + "\n");
                });
            }

            @Override
            public Optional<Boolean> condition(String condition) {
                return condition.equals("sunny") ? Optional.of(true) : Optional.empty();
            }

            @Override
            public void setup(ScriptContext script) {
                script.setenv("WHO", "setup");
            }
        };
        RunnerOptions options = RunnerOptions.defaults().withExtensions(List.of(extension));
        ScriptResult result = run(options, "[sunny] greet you\nstdout '^hello you from setup$'\n[!sunny] stop\n");
        assertThat(result.outcome()).as(result.log()).isEqualTo(ScriptOutcome.PASSED);
    }

    @Test
    void scriptsInheritOnlyTheGivenPath() throws IOException {
        RunnerOptions options =
                RunnerOptions.defaults().withExtensions(List.of()).withPath("/nowhere:/usr/bin:/bin");
        ScriptResult result = run(
                options,
                "exec sh -c 'echo $PATH; echo user=$USER'\nstdout '^/nowhere:/usr/bin:/bin$'\nstdout '^user=$'\n");
        assertThat(result.outcome()).as(result.log()).isEqualTo(ScriptOutcome.PASSED);
    }

    @Test
    void aConditionThatThrowsIsABadCondition() throws IOException {
        ScriptExtension broken = new ScriptExtension() {
            @Override
            public Optional<Boolean> condition(String condition) {
                throw new IllegalStateException("cannot reach the weather service");
            }
        };
        ScriptResult result = run(RunnerOptions.defaults().withExtensions(List.of(broken)), "[sunny] env A=1\n");
        assertThat(result.failureLine()).isEqualTo(1);
        assertThat(result.message()).isEqualTo("bad condition \"sunny\": cannot reach the weather service");
    }

    @Test
    void unknownConditionFailsAtItsLine() throws IOException {
        ScriptResult result = run("env A=1\n[cloudy] env B=2\n");
        assertThat(result.failureLine()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("unknown condition \"cloudy\"");
    }

    @Test
    void scriptsRunConcurrentlyInTheirOwnWorkDirs() throws Exception {
        Path a = dir.resolve("a.txtar");
        Path b = dir.resolve("b.txtar");
        Files.writeString(a, "mkdir shared\nexists shared\n");
        Files.writeString(b, "! exists shared\nmkdir shared\n");
        ScriptRunner runner = new ScriptRunner(RunnerOptions.defaults().withExtensions(List.of()));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(() -> runner.run(a));
            var fb = pool.submit(() -> runner.run(b));
            assertThat(fa.get().isPassed()).isTrue();
            assertThat(fb.get().isPassed()).isTrue();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void ttyinGivesTheNextProgramAPseudoTerminal() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        String script =
                """
                ttyin input.txt
                exec sh -c 'read line </dev/tty; echo "got $line" >/dev/tty; echo out'
                stdout '^out$'
                ttyout 'got hello'
                ttyin -stdin input.txt
                exec sh -c 'read line; echo "stdin $line" >/dev/tty'
                ttyout 'stdin hello'
                -- input.txt --
                hello
                """;
        ScriptResult result = run(script);
        assertThat(result.outcome()).as(result.log()).isEqualTo(ScriptOutcome.PASSED);
    }
}
