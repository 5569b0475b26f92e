package io.plumb.junit.internal;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The {@code PlumbEngineDescriptor} is the root of the {@code plumb} test tree. After every script and test file has run
 * it closes the shared runners, so that the run's work directories and dev databases are gone when the engine
 * finishes.
 */
public final class PlumbEngineDescriptor extends EngineDescriptor implements Node<PlumbExecutionContext> {

    /** Creates the root with the engine's unique id. */
    public PlumbEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Plumb");
    }

    @Override
    public void after(PlumbExecutionContext context) {
        try {
            context.runner().close();
        } finally {
            context.tests().close();
        }
    }
}
