package io.plumb.engine.dialect;

/**
 * {@code PlanOptions} shape the statements a planner writes.
 *
 * @param qualified whether table names are qualified with their schema (a database-bound target)
 * @param indent the indentation of the lines of a multi-line statement such as {@code CREATE TABLE}, or empty to
 *     write every statement on one line (as {@code schema apply} prints plans)
 */
public record PlanOptions(boolean qualified, String indent) {

    /** Returns options for unqualified one-line statements. */
    public static PlanOptions defaults() {
        return new PlanOptions(false, "");
    }
}
