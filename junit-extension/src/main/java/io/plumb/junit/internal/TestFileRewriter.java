package io.plumb.junit.internal;

import io.plumb.engine.testing.OutputRewriter;
import io.plumb.engine.testing.OutputUpdate;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code TestFileRewriter} writes the {@code output} values that update mode collected back into a test file. It
 * is a seam so that tests and the engine can share the one that rewrites files in place.
 */
@FunctionalInterface
public interface TestFileRewriter {

    /** Rewrites the values at the updates' positions in the file. */
    void rewrite(Path file, List<OutputUpdate> updates);

    /** Returns the engine module's rewriter, {@link OutputRewriter#rewriteFile}. */
    static TestFileRewriter standard() {
        return OutputRewriter::rewriteFile;
    }
}
