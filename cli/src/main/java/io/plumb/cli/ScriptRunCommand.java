package io.plumb.cli;

import io.plumb.runner.DefaultWorkRoot;
import io.plumb.runner.RunnerOptions;
import io.plumb.runner.ScriptFiles;
import io.plumb.runner.ScriptResult;
import io.plumb.runner.ScriptRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A {@code ScriptRunCommand} is {@code plumb script run}: it runs txtar scripts and reports each one. */
@Command(
        name = "run",
        header = "Run txtar scripts and report each one.",
        description = {
            "",
            "Runs every *.txtar file given, and every one found in the directories given (searched recursively),"
                    + " printing PASS, FAIL or SKIP per script, the log of each failure, and a closing line"
                    + " 'N passed, N failed'.",
            "",
            "Work directories go under $TMPDIR when it is set, else /dev/shm when it is a usable tmpfs, else the"
                    + " system temporary directory.",
            "",
            "Exit codes: 0 when no script failed, 1 when one did or on an error, 2 on bad usage.",
            ""
        })
final class ScriptRunCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    RunnerOptionsMixin runnerOptions = new RunnerOptionsMixin();

    @Option(
            names = "--run",
            paramLabel = "REGEXP",
            description = "Run only the scripts whose name contains a match for this regular expression.")
    @Nullable
    String run;

    @Option(
            names = {"-p", "--parallel"},
            paramLabel = "N",
            description = "Run up to N scripts at once; results are still printed in order (default: the number of"
                    + " processors, ${DEFAULT-VALUE}).")
    int parallel = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--junit-report",
            paramLabel = "FILE",
            description = "Also write the results as JUnit XML to this file, for CI servers.")
    @Nullable
    Path junitReport;

    @Parameters(
            paramLabel = "PATH",
            arity = "1..*",
            description = "A script file, or a directory to search recursively for *.txtar scripts.")
    List<String> paths = new ArrayList<>();

    ScriptRunCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pattern only = run == null ? null : RegexFlag.compile("--run", run, spec);
        List<Path> roots = new ArrayList<>();
        for (String path : paths) {
            Path resolved = env.resolve(path);
            if (!Files.exists(resolved)) {
                err.println("plumb: " + path + ": no such file or directory");
                return ExitCode.SOFTWARE;
            }
            roots.add(resolved);
        }
        Map<Path, String> scripts = ScriptFiles.uniqueNames(ScriptFiles.find(roots));
        if (scripts.isEmpty()) {
            err.println("plumb: no scripts found in " + String.join(" ", paths));
            return ExitCode.SOFTWARE;
        }
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1, not " + parallel);
        }
        ScriptReport report = new ScriptReport(out, runnerOptions.verbose);
        Instant started = Instant.now();
        RunnerOptions options = runnerOptions
                .applyTo(RunnerOptions.defaults())
                .withWorkRoot(workRoot())
                .withPath(env.getenv("PATH").orElse(""));
        ExecutorService pool = Executors.newFixedThreadPool(parallel, daemonThreads());
        try (ScriptRunner runner = new ScriptRunner(options)) {
            List<Future<ScriptResult>> results = new ArrayList<>();
            scripts.forEach((script, name) -> {
                if (only == null || only.matcher(name).find()) {
                    results.add(pool.submit(() -> runner.run(script, name)));
                }
            });
            for (Future<ScriptResult> result : results) {
                report.add(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("plumb: interrupted");
            return ExitCode.SOFTWARE;
        } catch (ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        out.println(report.summary());
        if (junitReport != null) {
            Path file = env.resolve(junitReport.toString());
            try {
                new JUnitXmlReport(env.workingDirectory()).write(file, report.results(), started);
            } catch (IOException e) {
                err.println("plumb: cannot write the JUnit report " + file + ": " + IoErrors.reason(e));
                return ExitCode.SOFTWARE;
            }
        }
        return report.hasFailures() ? ExitCode.SOFTWARE : ExitCode.OK;
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "plumb-script-run");
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Returns the directory under which the runner makes each script's fresh work root: {@code $TMPDIR} of the
     * environment rather than the JVM's, so that a run nested in a script (whose {@code $TMPDIR} is {@code
     * $WORK/.tmp}) stays inside the outer script's work directory and is removed with it; without {@code $TMPDIR}, a
     * tmpfs ({@code /dev/shm}) when one is usable, else the system temporary directory (see {@link DefaultWorkRoot}).
     */
    private Path workRoot() {
        Path root = env.resolve(DefaultWorkRoot.choose(env::getenv).toString());
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
