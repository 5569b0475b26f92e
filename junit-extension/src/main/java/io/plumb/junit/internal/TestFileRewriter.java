package io.plumb.junit.internal;

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

    /** Returns the rewriter of the engine module. */
    static TestFileRewriter standard() {
        return (file, updates) -> {
            throw new UnsupportedOperationException(
                    "update mode cannot rewrite " + ScriptIdScheme.stablePath(file) + " yet: OutputRewriter is missing");
        };
    }
}
