package io.plumb.junit.internal;

import io.plumb.engine.testing.TestBlock;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A {@code TestBlockDescriptor} is the container node of a {@code test} block with {@code for_each}: its cases. */
public final class TestBlockDescriptor extends AbstractTestDescriptor implements Node<PlumbExecutionContext> {
    private final Path path;
    private final TestBlock block;

    /** Creates the node of a block of a file, whose id segment in the file is {@code value}. */
    public TestBlockDescriptor(TestDescriptor parent, Path path, String value, TestBlock block) {
        super(parent.getUniqueId().append(ScriptIdScheme.TEST, value), value, source(path, block));
        this.path = path;
        this.block = block;
    }

    /** Returns the source of a block: its file at the block's line and column. */
    static FileSource source(Path path, TestBlock block) {
        return FileSource.from(
                path.toFile(), FilePosition.from(block.pos().line(), block.pos().column()));
    }

    /** Returns the block. */
    public TestBlock block() {
        return block;
    }

    /** Returns the file of the block. */
    public Path path() {
        return path;
    }

    /** Returns the block's case of that name. */
    public Optional<TestBlock.CaseRef> caseNamed(String name) {
        return block.cases().stream().filter(ref -> ref.name().equals(name)).findFirst();
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }
}
