package io.plumb.junit.internal;

import io.plumb.runner.ScriptResult;
import java.nio.file.Path;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A {@code ScriptDescriptor} is the test node of one txtar script; executing it runs the script. */
public final class ScriptDescriptor extends AbstractTestDescriptor implements Node<PlumbExecutionContext> {

    /** The report entry key of a failed script's log. */
    public static final String LOG_ENTRY = "plumb.log";

    /** The report entry key of a kept work directory. */
    public static final String WORK_ENTRY = "plumb.work";

    private final Path script;
    private final String name;

    /**
     * Creates the node of a script below the given parent, run under a name unique in this engine run and shown by
     * its path below the selected directory (see {@link ReportNames}).
     */
    public ScriptDescriptor(TestDescriptor parent, Path script, String name) {
        super(
                ScriptIdScheme.childId(parent, ScriptIdScheme.SCRIPT, script),
                ReportNames.fileLabel(parent, script),
                FileSource.from(script.toFile(), FilePosition.from(1)));
        this.script = script;
        this.name = name;
    }

    /** Returns the name the script runs under: its file name without {@code .txtar}, made unique in the run. */
    public String name() {
        return name;
    }

    /** Returns the script file, absolute and normalised. */
    public Path script() {
        return script;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    @Override
    public PlumbExecutionContext execute(PlumbExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        ScriptResult result = context.runner().run(script, name);
        result.keptWorkDir().ifPresent(dir -> context.listener()
                .reportingEntryPublished(this, ReportEntry.from(WORK_ENTRY, dir.toString())));
        if (!result.log().isBlank()) {
            context.listener().reportingEntryPublished(this, ReportEntry.from(LOG_ENTRY, result.log()));
            if (result.isFailed()) {
                // Captured by Surefire as the test's output, next to the failure; a passing script stays quiet.
                System.out.println(result.log().stripTrailing());
            }
        }
        ScriptVerdict.enforce(result);
        return context;
    }
}
