package io.plumb.junit.internal;

import io.plumb.engine.testing.TestFile;
import io.plumb.engine.testing.TestSetup;

/**
 * A {@code TestSession} is what the test files of one run share: the resolver of their setups, the runners of
 * those setups, and the rewriter of update mode. Closing it closes the runners.
 *
 * @param resolver decides each file's setup
 * @param runners one runner per distinct setup
 * @param rewriter writes update mode's values back
 */
public record TestSession(TestSetupResolver resolver, TestRunners runners, TestFileRewriter rewriter)
        implements AutoCloseable {

    /** Creates a session with no runner yet and the standard rewriter. */
    public static TestSession of(TestSetupResolver resolver) {
        return new TestSession(resolver, new TestRunners(), TestFileRewriter.standard());
    }

    /**
     * Starts running a file under its setup.
     *
     * @throws TestSetupException when the file's setup cannot be decided
     */
    public TestFileRun open(TestFile file) {
        TestSetup setup = resolver.resolve(file.path());
        return new TestFileRun(file, setup, runners.of(setup));
    }

    @Override
    public void close() {
        runners.close();
    }
}
