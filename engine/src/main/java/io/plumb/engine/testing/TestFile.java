package io.plumb.engine.testing;

import io.plumb.engine.hcl.DeferredBlock;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.HclFile;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Utf8Text;
import io.plumb.engine.hcl.Value;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@code TestFile} is a parsed {@code *.test.hcl} file: its {@code test} blocks, whose cases are evaluated only
 * when they run, and its {@code variable} and {@code locals} blocks, evaluated once.
 */
public final class TestFile {

    /** The suffix that makes a file a test file. */
    public static final String SUFFIX = ".test.hcl";

    private final String display;
    private final Path path;
    private final String text;
    private final List<TestBlock> tests;

    private TestFile(String display, Path path, String text, List<TestBlock> tests) {
        this.display = display;
        this.path = path;
        this.text = text;
        this.tests = List.copyOf(tests);
    }

    /**
     * Reads and parses a test file.
     *
     * @param path the file
     * @param display the file's name in messages and output
     * @param variables the {@code --var} values
     * @param getenv the process environment, for {@code getenv()}
     * @throws HclException when the file is malformed, or holds a block other than {@code test}, {@code variable}
     *     and {@code locals}
     * @throws UncheckedIOException when the file cannot be read
     */
    public static TestFile load(
            Path path, String display, Map<String, Value> variables, Function<String, @Nullable String> getenv) {
        return parse(display, Utf8Text.read(path, display), path, variables, getenv);
    }

    /** Parses test-file text read from {@code path}. */
    public static TestFile parse(
            String display,
            String text,
            Path path,
            Map<String, Value> variables,
            Function<String, @Nullable String> getenv) {
        HclFile file = Hcl.parse(display, text, path);
        Path dir = path.toAbsolutePath().getParent();
        EvalOptions options = new EvalOptions(variables, dir == null ? Path.of("/") : dir, getenv, Map.of());
        HclEvaluator.Evaluation evaluation = HclEvaluator.evaluate(List.of(file), options, Set.of("test"));
        for (Resource other : evaluation.document().resources()) {
            throw new HclException(
                    other.pos(),
                    "unexpected block \"" + other.type() + "\" in a test file; expected test, variable or locals");
        }
        List<TestBlock> tests = new ArrayList<>();
        for (DeferredBlock block : evaluation.deferred()) {
            tests.add(TestBlock.of(block));
        }
        return new TestFile(display, path, text, tests);
    }

    /** Returns the file's name in messages and output. */
    public String display() {
        return display;
    }

    /** Returns the file's path. */
    public Path path() {
        return path;
    }

    /** Returns the text the file was parsed from, for rewriting expected outputs in place. */
    public String text() {
        return text;
    }

    /** Returns the file's test blocks, in source order. */
    public List<TestBlock> tests() {
        return tests;
    }
}
