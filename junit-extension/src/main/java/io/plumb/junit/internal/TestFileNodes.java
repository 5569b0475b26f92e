package io.plumb.junit.internal;

import io.plumb.engine.hcl.Pos;
import io.plumb.engine.testing.CaseResult;
import io.plumb.engine.testing.LogLine;
import io.plumb.engine.testing.TestBlock;
import io.plumb.engine.testing.TestFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * {@code TestFileNodes} are the Jupiter dynamic nodes of one test file: a container of its blocks, a container of
 * cases for a block with {@code for_each}, and a test per case, each with a {@code file:} source at its line. A
 * file that does not parse is one test that fails with the error. Cases print their {@code log} lines on standard
 * output, since a dynamic test has no report entries.
 */
public final class TestFileNodes {
    private final TestSession session;
    private final Path path;
    private final String displayName;
    private @Nullable TestFileRun run;

    /** Creates the nodes of a file, run in a session, shown under the given name. */
    public TestFileNodes(TestSession session, Path path, String displayName) {
        this.session = session;
        this.path = ScriptIdScheme.absolute(path);
        this.displayName = displayName;
    }

    /** Returns the file's node; the file is parsed now, its setup decided when its first case runs. */
    public DynamicNode node() {
        TestFile file;
        try {
            TestSetupResolver resolver = session.resolver();
            file = TestFile.load(
                    path, ScriptIdScheme.stablePath(path), resolver.parameters().variables(), resolver.getenv());
        } catch (RuntimeException e) {
            return DynamicTest.dynamicTest(displayName, path.toUri(), () -> {
                throw e;
            });
        }
        return DynamicContainer.dynamicContainer(
                displayName, path.toUri(), file.tests().stream().map(block -> block(file, block)));
    }

    /** Writes update mode's values back into the file, if any of its cases ran. */
    public synchronized void finish() {
        if (run != null) {
            run.finish(session.rewriter());
        }
    }

    private DynamicNode block(TestFile file, TestBlock block) {
        URI uri = uri(block.pos());
        if (!block.hasForEach()) {
            return test(file, block, block.cases().get(0), uri);
        }
        Stream<DynamicNode> cases = block.cases().stream().map(ref -> test(file, block, ref, uri));
        return DynamicContainer.dynamicContainer(block.name(), uri, cases);
    }

    private DynamicTest test(TestFile file, TestBlock block, TestBlock.CaseRef ref, URI uri) {
        return DynamicTest.dynamicTest(ref.name(), uri, () -> {
            if (CasePreview.of(block, ref).skip()) {
                throw new TestAbortedException(CaseVerdict.SKIP_REASON);
            }
            CaseResult result = open(file).run(block, ref);
            result.logs().stream().map(LogLine::render).forEach(System.out::println);
            CaseVerdict.enforce(result);
        });
    }

    private synchronized TestFileRun open(TestFile file) {
        if (run == null) {
            run = session.open(file);
        }
        return run;
    }

    private URI uri(Pos pos) {
        return URI.create(path.toUri() + "?line=" + pos.line() + "&column=" + pos.column());
    }
}
