package io.plumb.junit.internal;

import java.nio.file.Path;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A {@code ScriptDirectoryDescriptor} is the container node of one directory of scripts in the test tree. */
public final class ScriptDirectoryDescriptor extends AbstractTestDescriptor implements Node<PlumbExecutionContext> {
    private final Path directory;

    /** Creates the node of a directory below the given parent; see {@link ScriptIdScheme} for its id. */
    public ScriptDirectoryDescriptor(TestDescriptor parent, Path directory) {
        super(
                ScriptIdScheme.childId(parent, ScriptIdScheme.DIRECTORY, directory),
                String.valueOf(directory.getFileName()),
                DirectorySource.from(directory.toFile()));
        this.directory = directory;
    }

    /** Returns the directory, absolute and normalised. */
    public Path directory() {
        return directory;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
