package io.plumb.engine.gotemplate;

import java.util.List;

/**
 * A {@code Pipeline} is an action's commands joined by {@code |}, with the variables it declares or assigns and the
 * position of its action.
 */
record Pipeline(List<String> variables, boolean declare, List<List<Operand>> commands, String at) {

    /** An {@code Operand} is one word of a command. */
    sealed interface Operand {}

    /** {@code .A.B}, or {@code .} (empty path). */
    record Field(List<String> path) implements Operand {}

    /** {@code $x.A.B}, or {@code $} and {@code $.A}. */
    record Variable(String name, List<String> path) implements Operand {}

    record Literal(Object value) implements Operand {}

    record Function(String name) implements Operand {}

    record Nested(Pipeline pipeline, List<String> path) implements Operand {}
}
