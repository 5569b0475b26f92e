package io.plumb.junit.internal;

import io.plumb.engine.testing.TestKind;
import java.util.List;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * A {@code ChecksDescriptor} is the test node, first in a file with migration tests, that validates the
 * pre-migration checks of the migration directory those tests run with: every {@code -- atlas:txtar} file is
 * well-formed, and each check parses, runs at the version before its file and returns one boolean. A directory is
 * validated once per run; every file that uses it shows the result.
 */
public final class ChecksDescriptor extends AbstractTestDescriptor implements Node<PlumbExecutionContext> {

    /** The node's name, and the value of its id segment. */
    public static final String NAME = "pre-migration checks";

    /** Creates the node below a file's node. */
    public ChecksDescriptor(TestFileDescriptor file) {
        super(
                file.getUniqueId().append(ScriptIdScheme.CHECKS, NAME),
                ReportNames.caseName(file.label(), NAME),
                file.getSource().orElse(null));
    }

    /** Returns whether a file's node gets this child: when the file has a migration test. */
    static boolean applies(TestFileDescriptor file) {
        return file.blocks().values().stream().anyMatch(block -> block.kind() == TestKind.MIGRATE);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public PlumbExecutionContext execute(PlumbExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        TestFileRun run = context.file();
        if (run == null) {
            throw new IllegalStateException("the pre-migration checks run outside their test file");
        }
        List<String> problems = context.tests().runners().checks(run.setup());
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(String.join("\n", problems));
        }
        return context;
    }
}
