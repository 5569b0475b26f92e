package io.plumb.junit.internal;

import io.plumb.engine.hcl.Value;
import io.plumb.engine.testing.TestBlock;
import io.plumb.engine.testing.TestFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A {@code TestFileDescriptor} is the node of one {@code *.test.hcl} file: a container of its {@code test} blocks,
 * or, when the file does not parse, a single test that fails with the parse error.
 *
 * <p>Before its blocks run it decides the file's setup ({@link TestSetupResolver}); a setup that cannot be decided
 * fails the file. After they ran, update mode writes the collected {@code output} values back into the file.
 */
public final class TestFileDescriptor extends AbstractTestDescriptor implements Node<PlumbExecutionContext> {
    private final Path path;
    private final @Nullable TestFile file;
    private final @Nullable RuntimeException loadError;
    private final Map<String, TestBlock> blocks = new LinkedHashMap<>();

    /** Creates the node of a test file below the given parent, parsing the file with these inputs. */
    public TestFileDescriptor(
            TestDescriptor parent, Path path, Map<String, Value> variables, Function<String, @Nullable String> getenv) {
        super(
                ScriptIdScheme.childId(parent, ScriptIdScheme.TEST_FILE, path),
                ReportNames.fileLabel(parent, path),
                FileSource.from(path.toFile()));
        this.path = path;
        TestFile loaded = null;
        RuntimeException error = null;
        try {
            loaded = TestFile.load(path, ScriptIdScheme.stablePath(path), variables, getenv);
        } catch (RuntimeException e) {
            // Discovery must not fail on one bad file; the file's node fails with the error instead.
            error = e;
        }
        this.file = loaded;
        this.loadError = error;
        if (loaded != null) {
            for (TestBlock block : loaded.tests()) {
                String name = block.name();
                for (int i = 1; blocks.containsKey(name); i++) {
                    name = block.name() + "#" + i;
                }
                blocks.put(name, block);
            }
        }
    }

    /** Returns the name of the file in reports: its path below the selected directory, or its file name. */
    public String label() {
        return getDisplayName();
    }

    /** Returns the file, absolute and normalised. */
    public Path path() {
        return path;
    }

    /** Returns the parsed file; empty when it does not parse. */
    public Optional<TestFile> file() {
        return Optional.ofNullable(file);
    }

    /** Returns the file's blocks by the id segment value each has in this file. */
    public Map<String, TestBlock> blocks() {
        return blocks;
    }

    @Override
    public Type getType() {
        return file == null ? Type.TEST : Type.CONTAINER;
    }

    // Files run concurrently (when the engine runs in parallel): each case gets its own database, and files of one
    // setup share a thread-safe runner. Inside a file, cases run in order unless they are parallel schema tests.
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    @Override
    public PlumbExecutionContext before(PlumbExecutionContext context) {
        if (file == null) {
            return context;
        }
        return context.withFile(context.tests().open(file));
    }

    @Override
    public PlumbExecutionContext execute(PlumbExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        if (loadError != null) {
            throw loadError;
        }
        return context;
    }

    @Override
    public void after(PlumbExecutionContext context) {
        TestFileRun run = context.file();
        if (run != null) {
            run.finish(context.tests().rewriter());
        }
    }
}
