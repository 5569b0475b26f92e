package io.plumb.engine.testing;

/**
 * A {@code TestRunner} runs test cases on isolated dev databases: a schema-test case on a fresh database holding
 * the desired schema, a migration-test case on a fresh empty one that its {@code migrate} commands migrate,
 * starting from snapshots of prefixes migrated before. It is safe to call from several threads.
 */
public final class TestRunner implements AutoCloseable {

    private final TestSetup setup;

    /** Creates a runner; nothing is opened until the first case runs. */
    public TestRunner(TestSetup setup) {
        this.setup = setup;
    }

    /**
     * Runs one case of a block of a file. Failures of the case are in the result; set-up failures (a desired
     * schema or migration directory that does not load, an unreachable dev database) are thrown.
     */
    public CaseResult run(TestFile file, TestBlock block, TestBlock.CaseRef ref) {
        throw new UnsupportedOperationException(
                "TestRunner.run is being written: " + setup.devUrl() + file + block + ref);
    }

    /** Returns what migration tests did with snapshots so far. */
    public SnapshotStats snapshotStats() {
        return new SnapshotStats(0, 0);
    }

    /** Drops every database and snapshot the runner created. */
    @Override
    public void close() {}
}
