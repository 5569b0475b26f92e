package io.plumb.engine.gotemplate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A {@code Node} is one piece of a parsed template: text, an action, or a control structure with its bodies. */
sealed interface Node {

    record Text(String text) implements Node {}

    /** {@code {{ pipeline }}}, or {@code {{ $x := pipeline }}} (declare) and {@code {{ $x = pipeline }}}. */
    record Output(Pipeline pipeline) implements Node {}

    record If(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {}

    record Range(Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {}

    record With(Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {}

    /** {@code {{ template "name" pipeline }}}, and the call a {@code block} makes. */
    record Call(String name, @Nullable Pipeline argument, String at) implements Node {}

    /** {@code {{ break }}} or {@code {{ continue }}} in a {@code range}. */
    record Jump(boolean isBreak) implements Node {}
}
