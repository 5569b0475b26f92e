package io.plumb.engine.dialect;

import io.plumb.engine.plan.ConcurrentIndex;

/**
 * {@code PlanOptions} shape the statements a planner writes.
 *
 * @param qualified whether table names are qualified with their schema (a database-bound target)
 * @param indent the indentation of the lines of a multi-line statement such as {@code CREATE TABLE}, or empty to
 *     write every statement on one line (the harness's {@code apply}; {@code schema apply} indents by two spaces, as
 *     the reference does)
 * @param concurrentIndex whether indexes of existing tables are created and dropped {@code CONCURRENTLY}
 */
public record PlanOptions(boolean qualified, String indent, ConcurrentIndex concurrentIndex) {

    /** Creates options with the default {@link ConcurrentIndex} policy. */
    public PlanOptions(boolean qualified, String indent) {
        this(qualified, indent, ConcurrentIndex.none());
    }

    /** Returns options for unqualified one-line statements. */
    public static PlanOptions defaults() {
        return new PlanOptions(false, "");
    }

    /** Returns these options with the given {@code concurrent_index} policy. */
    public PlanOptions withConcurrentIndex(ConcurrentIndex policy) {
        return new PlanOptions(qualified, indent, policy);
    }
}
