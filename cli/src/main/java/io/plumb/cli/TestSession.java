package io.plumb.cli;

import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.testing.CaseResult;
import io.plumb.engine.testing.CaseStatus;
import io.plumb.engine.testing.DirectoryChecks;
import io.plumb.engine.testing.OutputRewriter;
import io.plumb.engine.testing.OutputUpdate;
import io.plumb.engine.testing.TestBlock;
import io.plumb.engine.testing.TestFile;
import io.plumb.engine.testing.TestKind;
import io.plumb.engine.testing.TestRunner;
import io.plumb.engine.testing.TestSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A {@code TestSession} runs the cases of one kind of test in a set of test files and reports them: the reference
 * tool's lines on standard output, a final {@code PASS} or {@code FAIL}, and optionally a JUnit XML report.
 *
 * <p>Cases run in file and source order, except schema-test cases marked {@code parallel}: as with Go's
 * {@code t.Parallel}, they run together after the others, and their lines appear as they finish.
 */
final class TestSession {

    /** The name under which problems with the directory's pre-migration checks are reported. */
    private static final String CHECKS = "pre-migration checks";

    /** One case to run. */
    private record Planned(TestFile file, TestBlock block, TestBlock.CaseRef ref) {}

    /** One case that ran. */
    private record Ran(TestFile file, CaseResult result) {}

    private final CliEnvironment env;
    private final TestKind kind;
    private final CaseFilter filter;
    private final List<Ran> results = Collections.synchronizedList(new ArrayList<>());
    private Optional<JUnitXmlReport.Case> checksFailed = Optional.empty();

    TestSession(CliEnvironment env, TestKind kind, CaseFilter filter) {
        this.env = env;
        this.kind = kind;
        this.filter = filter;
    }

    /**
     * Parses every file, then runs the selected cases; a file that does not parse stops the session before any case
     * runs.
     *
     * @return the exit code: 0 when no case failed, 1 otherwise
     */
    int run(List<Path> paths, Map<String, Value> variables, TestSetup setup, Options options) {
        Instant started = env.clock().instant();
        List<TestFile> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(TestFile.load(path, env.display(path), variables, ProjectSelection.getenv(env)));
        }
        List<Planned> planned = plan(files);
        if (kind == TestKind.MIGRATE && !planned.isEmpty()) {
            validateChecks(setup);
        }
        try (TestRunner runner = new TestRunner(setup)) {
            runAll(runner, planned);
            runner.warning().ifPresent(warning -> env.err().println(warning));
            if (options.verbose() && kind == TestKind.MIGRATE) {
                var stats = runner.snapshotStats();
                env.out()
                        .println("snapshots: " + stats.created() + " created, " + stats.reused() + " reused"
                                + (stats.cached() > 0 ? ", " + stats.cached() + " from the cache" : ""));
            }
        }
        boolean failed = checksFailed.isPresent()
                || results.stream().anyMatch(r -> r.result().status() == CaseStatus.FAIL);
        if (planned.isEmpty()) {
            env.err().println("plumb: no " + kind.label() + " tests to run");
        }
        // Updates are written before the verdict, so that an output update mode cannot rewrite fails the run.
        if (setup.update() && !update(files)) {
            failed = true;
        }
        env.out().println(failed ? "FAIL" : "PASS");
        if (options.junitReport().isPresent()) {
            writeReport(options.junitReport().get(), started);
        }
        return failed ? 1 : 0;
    }

    /** The flags that shape a session's output. */
    record Options(boolean verbose, Optional<Path> junitReport) {}

    // The directory's pre-migration checks are validated before any case runs: a check that cannot run, or does not
    // return one boolean, is reported as a failure of its own, at its file and line.
    private void validateChecks(TestSetup setup) {
        Instant start = env.clock().instant();
        List<String> problems = DirectoryChecks.validate(setup);
        if (problems.isEmpty()) {
            return;
        }
        Duration took = Duration.between(start, env.clock().instant());
        List<String> lines = new ArrayList<>();
        lines.add("-- FAIL: " + CHECKS + " (" + GoDuration.format(took) + ")");
        problems.forEach(problem -> lines.add("    " + problem));
        lines.forEach(env.out()::println);
        String dir = setup.migrationDir().orElse("file://migrations");
        checksFailed = Optional.of(new JUnitXmlReport.Case(
                CHECKS,
                dir,
                dir,
                took,
                JUnitXmlReport.Outcome.FAILED,
                problems.get(0),
                String.join("\n", lines) + "\n"));
    }

    private List<Planned> plan(List<TestFile> files) {
        List<Planned> planned = new ArrayList<>();
        for (TestFile file : files) {
            for (TestBlock block : file.tests()) {
                if (block.kind() != kind) {
                    continue;
                }
                for (TestBlock.CaseRef ref : block.cases()) {
                    String number = block.hasForEach()
                            ? ref.name().substring(block.name().length() + 1)
                            : "";
                    if (filter.matches(block.name(), number)) {
                        planned.add(new Planned(file, block, ref));
                    }
                }
            }
        }
        return planned;
    }

    private void runAll(TestRunner runner, List<Planned> planned) {
        List<Planned> parallel = new ArrayList<>();
        for (Planned p : planned) {
            if (isParallel(p)) {
                parallel.add(p);
            } else {
                report(p.file(), runner.run(p.file(), p.block(), p.ref()));
            }
        }
        if (parallel.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Planned p : parallel) {
                futures.add(pool.submit(() -> report(p.file(), runner.run(p.file(), p.block(), p.ref()))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineFailure("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    // Whether a case may run concurrently is a property of its evaluated block; a block that does not evaluate runs
    // alone, where the runner reports why.
    private boolean isParallel(Planned p) {
        if (kind != TestKind.SCHEMA) {
            return false;
        }
        try {
            return p.block().evaluate(p.ref(), "").parallel();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void report(TestFile file, CaseResult result) {
        synchronized (env.out()) {
            CaseReport.lines(result).forEach(env.out()::println);
            env.out().flush();
        }
        results.add(new Ran(file, result));
    }

    // Returns whether every file could be rewritten; a file that cannot (a computed output, or one shared by cases
    // that printed different things) is left as it was, and the reason printed.
    private boolean update(List<TestFile> files) {
        boolean all = true;
        for (TestFile file : files) {
            List<OutputUpdate> updates = new ArrayList<>();
            synchronized (results) {
                for (Ran ran : results) {
                    if (ran.file() == file) {
                        updates.addAll(ran.result().updates());
                    }
                }
            }
            if (updates.isEmpty()) {
                continue;
            }
            try {
                OutputRewriter.rewriteFile(file.path(), updates);
                env.err()
                        .println("plumb: updated " + updates.size() + " output" + (updates.size() == 1 ? "" : "s")
                                + " in " + file.display());
            } catch (HclException e) {
                env.err().println("plumb: " + e.getMessage());
                all = false;
            }
        }
        return all;
    }

    private void writeReport(Path file, Instant started) {
        JUnitXmlReport report = new JUnitXmlReport(env.workingDirectory());
        List<JUnitXmlReport.Case> cases = new ArrayList<>();
        checksFailed.ifPresent(cases::add);
        synchronized (results) {
            for (Ran ran : results) {
                cases.add(xmlCase(ran.file(), ran.result()));
            }
        }
        try {
            report.write(file, "plumb " + kind.label() + " tests", cases, started);
        } catch (IOException e) {
            throw new EngineFailure("cannot write the JUnit report " + file + ": " + IoErrors.reason(e));
        }
    }

    private static JUnitXmlReport.Case xmlCase(TestFile file, CaseResult result) {
        JUnitXmlReport.Outcome outcome =
                switch (result.status()) {
                    case PASS -> JUnitXmlReport.Outcome.PASSED;
                    case FAIL -> JUnitXmlReport.Outcome.FAILED;
                    case SKIP -> JUnitXmlReport.Outcome.SKIPPED;
                };
        String message = result.failure()
                .map(f -> CaseReport.location(f.pos()) + ": " + f.message())
                .orElse(result.status() == CaseStatus.SKIP ? "skip = true" : "");
        String text = String.join("\n", CaseReport.lines(result)) + "\n";
        return new JUnitXmlReport.Case(
                result.name(), file.display(), file.display(), result.duration(), outcome, message, text);
    }
}
