package io.plumb.engine.source;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reads, parses and evaluates HCL files with the engine's options. */
public final class HclSources {

    private HclSources() {}

    static Document evaluate(
            List<SourceLoader.SourceFile> files,
            Map<String, Value> variables,
            Function<String, @Nullable String> getenv) {
        throw new UnsupportedOperationException("wired after the HCL evaluator lands");
    }

    /** Evaluates one HCL text, as read from {@code display}, with relative paths resolved against {@code dir}. */
    public static Document evaluateText(
            String display,
            String text,
            Path dir,
            Map<String, Value> variables,
            Function<String, @Nullable String> getenv) {
        throw new UnsupportedOperationException("wired after the HCL evaluator lands");
    }

    /** Evaluates a project file with extra root variables, such as {@code atlas}. */
    public static Document evaluateProject(
            Path file,
            String display,
            Map<String, Value> variables,
            Function<String, @Nullable String> getenv,
            Map<String, Value> roots) {
        throw new UnsupportedOperationException("wired after the HCL evaluator lands");
    }
}
