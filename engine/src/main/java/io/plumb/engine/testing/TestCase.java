package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;
import java.util.List;

/**
 * A {@code TestCase} is one evaluated instance of a {@code test} block: the block itself, or one of its
 * {@code for_each} instances, named {@code NAME/1}, {@code NAME/2}, ... from 1.
 *
 * @param name the case's name
 * @param kind what the case starts from
 * @param pos where its block starts
 * @param skip whether the case is skipped
 * @param parallel whether it may run concurrently with other parallel cases (schema tests only)
 * @param commands the commands, in source order
 */
public record TestCase(String name, TestKind kind, Pos pos, boolean skip, boolean parallel, List<Command> commands) {

    public TestCase {
        commands = List.copyOf(commands);
    }
}
