package io.plumb.junit.internal;

import io.plumb.engine.testing.CaseResult;
import io.plumb.engine.testing.TestBlock;
import java.nio.file.Path;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A {@code TestCaseDescriptor} is the test node of one case: a {@code test} block without {@code for_each}, or one
 * {@code for_each} case of a block. Executing it runs the case; a schema-test case with {@code parallel = true}
 * runs concurrently when parallel execution is on, every other case in its file's thread, in order.
 */
public final class TestCaseDescriptor extends AbstractTestDescriptor implements Node<PlumbExecutionContext> {
    private final TestBlock block;
    private final TestBlock.CaseRef ref;
    private final CasePreview preview;

    private TestCaseDescriptor(UniqueId id, String name, Path path, TestBlock block, TestBlock.CaseRef ref) {
        super(id, name, TestBlockDescriptor.source(path, block));
        this.block = block;
        this.ref = ref;
        this.preview = CasePreview.of(block, ref);
    }

    /** Creates the node of a block without {@code for_each}, whose id segment in its file is {@code value}. */
    public static TestCaseDescriptor ofBlock(TestDescriptor file, Path path, String value, TestBlock block) {
        return new TestCaseDescriptor(
                file.getUniqueId().append(ScriptIdScheme.TEST, value),
                ReportNames.caseName(label(file), value),
                path,
                block,
                block.cases().get(0));
    }

    /** Creates the node of a {@code for_each} case of a block. */
    public static TestCaseDescriptor ofCase(TestBlockDescriptor parent, TestBlock.CaseRef ref) {
        return new TestCaseDescriptor(
                parent.getUniqueId().append(ScriptIdScheme.CASE, ref.name()),
                ReportNames.caseName(
                        parent.getParent().map(TestCaseDescriptor::label).orElse(""), ref.name()),
                parent.path(),
                parent.block(),
                ref);
    }

    private static String label(TestDescriptor file) {
        return file instanceof TestFileDescriptor testFile ? testFile.label() : file.getDisplayName();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return preview.parallel() ? ExecutionMode.CONCURRENT : ExecutionMode.SAME_THREAD;
    }

    @Override
    public SkipResult shouldBeSkipped(PlumbExecutionContext context) {
        return preview.skip() ? SkipResult.skip(CaseVerdict.SKIP_REASON) : SkipResult.doNotSkip();
    }

    @Override
    public PlumbExecutionContext execute(PlumbExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        TestFileRun run = context.file();
        if (run == null) {
            throw new IllegalStateException("case \"" + ref.name() + "\" runs outside its test file");
        }
        CaseResult result = run.run(block, ref);
        String log = CaseVerdict.log(result);
        if (!log.isEmpty()) {
            context.listener().reportingEntryPublished(this, ReportEntry.from(CaseVerdict.LOG_ENTRY, log));
            // Captured by Surefire as the test's output: its XML report has no place for report entries.
            System.out.println(log);
        }
        CaseVerdict.enforce(result);
        return context;
    }
}
