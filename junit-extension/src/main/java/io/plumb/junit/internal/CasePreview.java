package io.plumb.junit.internal;

import io.plumb.engine.hcl.HclException;
import io.plumb.engine.testing.TestBlock;
import io.plumb.engine.testing.TestCase;
import io.plumb.engine.testing.TestKind;

/**
 * A {@code CasePreview} is what discovery learns of a case by evaluating it early: whether it is skipped and whether
 * it may run concurrently. A case that does not evaluate is neither; running it reports the error.
 *
 * @param skip the case's {@code skip}
 * @param parallel whether it is a schema-test case with {@code parallel = true}
 */
public record CasePreview(boolean skip, boolean parallel) {

    // testing.dev_url is only known when the case runs; skip and parallel rarely depend on it.
    private static final String NO_DEV_URL = "";

    /** Evaluates a case of a block for its preview. */
    public static CasePreview of(TestBlock block, TestBlock.CaseRef ref) {
        try {
            TestCase evaluated = block.evaluate(ref, NO_DEV_URL);
            return new CasePreview(evaluated.skip(), evaluated.parallel() && block.kind() == TestKind.SCHEMA);
        } catch (HclException e) {
            return new CasePreview(false, false);
        }
    }
}
