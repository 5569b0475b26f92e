package io.plumb.junit.internal;

import io.plumb.engine.testing.DirectoryChecks;
import io.plumb.engine.testing.TestRunner;
import io.plumb.engine.testing.TestSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code TestRunners} hold one {@link TestRunner} per distinct setup for the length of a run, so that the test files
 * of one project share dev databases and migration snapshots; closing them drops all of it.
 */
public final class TestRunners implements AutoCloseable {
    private final Map<TestSetup, TestRunner> runners = new ConcurrentHashMap<>();
    private final Map<TestSetup, List<String>> checks = new ConcurrentHashMap<>();
    private final Map<LintTarget, LintRun> lints = new ConcurrentHashMap<>();
    private final Map<String, Boolean> started = new ConcurrentHashMap<>();

    /** Returns the runner of a setup, creating it on first use. */
    public TestRunner of(TestSetup setup) {
        return runners.computeIfAbsent(setup, key -> {
            // Once per dev URL: files of other setups on the same server, running in parallel, wait for this start
            // instead of announcing their own.
            started.computeIfAbsent(key.devUrl(), url -> {
                Progress.startServer(url, key.workingDirectory());
                return true;
            });
            return new TestRunner(key);
        });
    }

    /**
     * Returns the problems with the pre-migration checks of a setup's migration directory, validated on first use
     * (see {@link DirectoryChecks}).
     */
    public List<String> checks(TestSetup setup) {
        return checks.computeIfAbsent(setup, DirectoryChecks::validate);
    }

    /** Returns the lint of a migration directory, run on first use (see {@link LintRun}). */
    public LintRun lint(LintTarget target) {
        return lints.computeIfAbsent(target, LintRun::of);
    }

    /** Returns how many runners there are, one per distinct setup used so far. */
    public int size() {
        return runners.size();
    }

    /** Closes every runner; the first failure is thrown once all were tried, with the others suppressed. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (TestRunner runner : runners.values()) {
            try {
                runner.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        runners.clear();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
