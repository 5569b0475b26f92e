package io.plumb.junit.internal;

import io.plumb.engine.testing.CaseResult;
import io.plumb.engine.testing.OutputUpdate;
import io.plumb.engine.testing.TestBlock;
import io.plumb.engine.testing.TestFile;
import io.plumb.engine.testing.TestKind;
import io.plumb.engine.testing.TestRunner;
import io.plumb.engine.testing.TestSetup;
import io.plumb.junit.PlumbConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code TestFileRun} is one test file being run under its setup: it runs the file's cases and collects the
 * {@code output} values update mode rewrites once they all ran. It is safe to use from several threads.
 */
public final class TestFileRun {
    private final TestFile file;
    private final TestSetup setup;
    private final TestRunner runner;
    private final List<OutputUpdate> updates = new ArrayList<>();

    /** Creates the run of a file with the runner of its setup. */
    public TestFileRun(TestFile file, TestSetup setup, TestRunner runner) {
        this.file = file;
        this.setup = setup;
        this.runner = runner;
    }

    /** Returns the file. */
    public TestFile file() {
        return file;
    }

    /** Returns the setup the file runs under. */
    public TestSetup setup() {
        return setup;
    }

    /**
     * Runs one case of a block of the file.
     *
     * @throws TestSetupException when the setup has no desired schema for a schema test, or no migration directory
     *     for a migration test
     */
    public CaseResult run(TestBlock block, TestBlock.CaseRef ref) {
        requireConfigured(block);
        CaseResult result = runner.run(file, block, ref);
        synchronized (updates) {
            updates.addAll(result.updates());
        }
        return result;
    }

    /** Rewrites the file with the collected updates, in update mode and when there are any. */
    public void finish(TestFileRewriter rewriter) {
        List<OutputUpdate> collected;
        synchronized (updates) {
            collected = List.copyOf(updates);
            updates.clear();
        }
        if (setup.update() && !collected.isEmpty()) {
            rewriter.rewrite(file.path(), collected);
        }
    }

    private void requireConfigured(TestBlock block) {
        String where = block.pos().file() + ":" + block.pos().line() + ": ";
        String projectFiles = String.join(" or ", TestSetupResolver.PROJECT_FILES);
        if (block.kind() == TestKind.SCHEMA && setup.desiredSchema().isEmpty()) {
            throw new TestSetupException(where + "schema test \"" + block.name() + "\" needs a desired schema: set "
                    + PlumbConfiguration.TEST_SCHEMA + " (comma-separated files, directories or URLs), or src in the"
                    + " env of an " + projectFiles + " in the test file's directory or above");
        }
        if (block.kind() == TestKind.MIGRATE && setup.migrationDir().isEmpty()) {
            throw new TestSetupException(where + "migration test \"" + block.name()
                    + "\" needs a migration directory: set " + PlumbConfiguration.TEST_DIR
                    + " (such as file://migrations), or migration { dir = ... } in the env of an " + projectFiles
                    + " in the test file's directory or above");
        }
    }
}
