package io.plumb.engine.testing;

import io.plumb.engine.hcl.DeferredBlock;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code TestBlock} is one {@code test "KIND" "NAME"} block of a test file. Its cases are known (named) once its
 * {@code for_each} is evaluated, and each case is evaluated only when it runs, with {@code testing.name} and
 * {@code testing.dev_url} bound.
 */
public final class TestBlock {

    /**
     * A case of the block, before evaluation.
     *
     * @param name {@code NAME}, or {@code NAME/i} for the i-th {@code for_each} instance, from 1
     * @param each the {@code each} value of a {@code for_each} instance; {@code null} for a block without one
     */
    public record CaseRef(String name, @org.jspecify.annotations.Nullable Value each) {}

    private final DeferredBlock block;
    private final TestKind kind;
    private final String name;
    private final List<CaseRef> cases;

    private TestBlock(DeferredBlock block, TestKind kind, String name, List<CaseRef> cases) {
        this.block = block;
        this.kind = kind;
        this.name = name;
        this.cases = List.copyOf(cases);
    }

    static TestBlock of(DeferredBlock block) {
        if (block.labels().size() != 2) {
            throw new HclException(
                    block.pos(),
                    "test block needs two labels, its kind and its name (test \"schema\" \"NAME\"), found "
                            + block.labels().size());
        }
        String label = block.labels().get(0);
        TestKind kind = TestKind.ofLabel(label)
                .orElseThrow(() -> new HclException(
                        block.pos(), "unknown test kind \"" + label + "\"; expected \"schema\" or \"migrate\""));
        String name = block.labels().get(1);
        Optional<List<Value>> instances = block.instances();
        List<CaseRef> cases = new ArrayList<>();
        if (instances.isEmpty()) {
            cases.add(new CaseRef(name, null));
        } else {
            for (int i = 0; i < instances.get().size(); i++) {
                cases.add(new CaseRef(name + "/" + (i + 1), instances.get().get(i)));
            }
        }
        return new TestBlock(block, kind, name, cases);
    }

    /** Returns what the block's cases start from. */
    public TestKind kind() {
        return kind;
    }

    /** Returns the block's name, its second label. */
    public String name() {
        return name;
    }

    /** Returns where the block starts. */
    public Pos pos() {
        return block.pos();
    }

    /** Returns whether the block uses {@code for_each}, so that its cases are sub-cases. */
    public boolean hasForEach() {
        return cases.size() != 1 || cases.get(0).each() != null;
    }

    /** Returns the block's cases, in order. */
    public List<CaseRef> cases() {
        return cases;
    }

    /**
     * Evaluates one case with {@code testing.name} and {@code testing.dev_url} bound.
     *
     * @param devUrl the URL of the database the case runs on, as programs the case runs should reach it
     * @throws HclException when an expression fails or a command block is malformed
     */
    public TestCase evaluate(CaseRef ref, String devUrl) {
        Map<String, Value> testing = new LinkedHashMap<>();
        testing.put("name", new Value.Str(ref.name()));
        testing.put("dev_url", new Value.Str(devUrl));
        Map<String, Value> names = new LinkedHashMap<>();
        names.put("testing", new Value.ObjectValue(testing));
        if (ref.each() != null) {
            names.put("each", ref.each());
        }
        return CaseReader.read(ref.name(), kind, block.evaluate(names));
    }
}
