package io.plumb.junit.internal;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The {@code PlumbEngineDescriptor} is the root of the {@code plumb} test tree. After every script has run it closes
 * the shared runner, so that the run's work directories are gone when the engine finishes.
 */
public final class PlumbEngineDescriptor extends EngineDescriptor implements Node<PlumbExecutionContext> {

    /** Creates the root with the engine's unique id. */
    public PlumbEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Plumb scripts");
    }

    @Override
    public void after(PlumbExecutionContext context) {
        context.runner().close();
    }
}
