package io.plumb.junit.internal;

import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * A {@code LintFileDescriptor} is the test node of one linted migration file, below a {@link LintDescriptor}: it
 * fails when the file has errors (destructive changes by default, or the findings of an analyzer with {@code error =
 * true}), with one {@code FILE:LINE:COL: CODE: message} line per error, and passes otherwise; a file that cannot be
 * replayed on the dev database fails with {@code FILE:LINE:COL: executing statement: ...} at the failing statement.
 * The failure's one stack frame is at the line of its first error. Every finding,
 * warnings included, is published as the report entry {@value #LINT_ENTRY} and printed on standard output. A file
 * that {@code atlas:nolint} skips, or that was not analyzed because another could not be replayed, is skipped.
 */
public final class LintFileDescriptor extends AbstractTestDescriptor implements Node<PlumbExecutionContext> {

    /** The report entry key of a file's findings. */
    public static final String LINT_ENTRY = "plumb.lint";

    /** The declaring class of the synthetic stack frame of a failure. */
    public static final String FRAME_CLASS = "lint";

    private final LintTarget target;
    private final String name;

    /** Creates the node of a linted file, named by its file name, below the lint container. */
    public LintFileDescriptor(LintDescriptor parent, String name) {
        super(
                parent.getUniqueId().append(ScriptIdScheme.LINT_FILE, name),
                ReportNames.caseName(parent.fileLabel(), LintDescriptor.NAME + ReportNames.SEPARATOR + name),
                FileSource.from(parent.target().directory().resolve(name).toFile()));
        this.target = parent.target();
        this.name = name;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    @Override
    public SkipResult shouldBeSkipped(PlumbExecutionContext context) {
        return context.tests().runners().lint(target).verdict(name) instanceof LintRun.NotLinted notLinted
                ? SkipResult.skip(notLinted.reason())
                : SkipResult.doNotSkip();
    }

    @Override
    public PlumbExecutionContext execute(PlumbExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        if (!(context.tests().runners().lint(target).verdict(name) instanceof LintRun.Linted linted)) {
            return context;
        }
        if (!linted.findings().isEmpty()) {
            String findings = String.join("\n", linted.findings());
            context.listener().reportingEntryPublished(this, ReportEntry.from(LINT_ENTRY, findings));
            // Captured by Surefire as the test's output: its XML report has no place for report entries.
            System.out.println(findings);
        }
        if (!linted.errors().isEmpty()) {
            AssertionFailedError error = new AssertionFailedError(String.join("\n", linted.errors()));
            error.setStackTrace(new StackTraceElement[] {LintRun.frame(name, linted.line())});
            throw error;
        }
        return context;
    }
}
