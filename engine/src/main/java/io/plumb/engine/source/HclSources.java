package io.plumb.engine.source;

import io.plumb.engine.hcl.BlockNode;
import io.plumb.engine.hcl.DataSources;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.HclFile;
import io.plumb.engine.hcl.ProjectEnvBlocks;
import io.plumb.engine.hcl.Utf8Text;
import io.plumb.engine.hcl.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@code HclSources} reads, parses and evaluates HCL files with the options the engine's callers give. */
public final class HclSources {

    private HclSources() {}

    static Document evaluate(
            List<SourceLoader.SourceFile> files,
            Map<String, Value> variables,
            Function<String, @Nullable String> getenv) {
        List<HclFile> parsed = new ArrayList<>();
        for (SourceLoader.SourceFile file : files) {
            HclFile hcl = Hcl.parse(file.display(), read(file.path(), file.display()), file.path());
            // A project file given as a schema (-f atlas.hcl) is refused, as the reference does, rather than
            // read as a schema with unknown blocks.
            Optional<BlockNode> env = hcl.body().blocks().stream()
                    .filter(b -> b.type().equals("env"))
                    .findFirst();
            if (env.isPresent()) {
                throw new SourceException(
                        env.get().pos() + ": cannot parse project file \"" + file.display()
                                + "\" as a schema file: its env blocks are read with --env, from atlas.hcl or the file -c names");
            }
            parsed.add(hcl);
        }
        Path baseDir = files.isEmpty() ? Path.of("") : parentOf(files.get(0).path());
        return HclEvaluator.evaluate(parsed, new EvalOptions(variables, baseDir, getenv, Map.of()));
    }

    /** Evaluates one HCL text, as read from {@code display}, with relative paths resolved against {@code dir}. */
    public static Document evaluateText(
            String display,
            String text,
            Path dir,
            Map<String, Value> variables,
            Function<String, @Nullable String> getenv) {
        HclFile file = Hcl.parse(display, text, dir.resolve(display));
        return HclEvaluator.evaluate(List.of(file), new EvalOptions(variables, dir, getenv, Map.of()));
    }

    /**
     * Evaluates a project file with extra root variables, such as {@code atlas}, keeping only the env blocks the
     * selected environment ({@code envName}, empty for none) may be ({@link ProjectEnvBlocks}).
     */
    public static Document evaluateProject(
            Path file,
            String display,
            Map<String, Value> variables,
            Function<String, @Nullable String> getenv,
            Map<String, Value> roots,
            DataSources dataSources,
            Map<String, Set<String>> scopedEnums,
            String envName) {
        HclFile parsed = ProjectEnvBlocks.select(Hcl.parse(display, read(file, display), file), envName);
        return HclEvaluator.evaluate(
                List.of(parsed),
                new EvalOptions(variables, parentOf(file), getenv, roots)
                        .withDataSources(dataSources)
                        .withScopedEnums(scopedEnums));
    }

    /** Reads a schema file as UTF-8 text; a byte that is not UTF-8 is an error at its line and column. */
    static String read(Path file, String display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SourceException("reading " + display + ": " + e.getMessage(), e);
        }
        try {
            return Utf8Text.decode(bytes, display);
        } catch (HclException e) {
            throw new SourceException(e.pos() + ": " + e.detail(), e);
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }
}
