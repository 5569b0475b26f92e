package io.plumb.junit.internal;

import java.util.Set;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * A {@code LintDescriptor} is the {@code lint} container of a file with migration tests: the lint results of their
 * migration directory, a {@link LintFileDescriptor} per linted file. The directory is linted once per run ({@link
 * LintRun}); every file that uses it shows the results. When the linted files could not be decided at discovery
 * (a {@code git} base that does not exist, a directory that cannot be read), it is a single test failing with why.
 */
public final class LintDescriptor extends AbstractTestDescriptor implements Node<PlumbExecutionContext> {

    /** The node's name, and the value of its id segment. */
    public static final String NAME = "lint";

    private final LintTarget target;
    private final String fileLabel;

    /** Creates the node below a file's node. */
    public LintDescriptor(TestFileDescriptor file, LintTarget target) {
        super(
                file.getUniqueId().append(ScriptIdScheme.LINT, NAME),
                ReportNames.caseName(file.label(), NAME),
                DirectorySource.from(target.directory().toFile()));
        this.target = target;
        this.fileLabel = file.label();
    }

    /** Returns what the node lints. */
    public LintTarget target() {
        return target;
    }

    /** Returns the label of the file the node belongs to, the first part of its tests' report names. */
    String fileLabel() {
        return fileLabel;
    }

    @Override
    public Type getType() {
        return target.isResolved() ? Type.CONTAINER : Type.TEST;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    @Override
    public PlumbExecutionContext before(PlumbExecutionContext context) {
        if (target.isResolved()) {
            context.tests().runners().lint(target).requireLinted(Set.copyOf(target.files()));
        }
        return context;
    }

    @Override
    public PlumbExecutionContext execute(PlumbExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        if (!target.isResolved()) {
            throw new AssertionFailedError(
                    "lint " + ScriptIdScheme.stablePath(target.directory()) + ": " + target.error());
        }
        return context;
    }
}
