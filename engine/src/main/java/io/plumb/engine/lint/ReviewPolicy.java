package io.plumb.engine.lint;

/**
 * A {@code ReviewPolicy} is {@code lint { review = ... }}: when {@code schema apply} must ask before applying a
 * plan that lint reported on.
 */
public enum ReviewPolicy {
    /** Always ask (the default). */
    ALWAYS,
    /** Ask when lint reported any diagnostic. */
    WARNING,
    /** Ask when an analyzer reported an error. */
    ERROR
}
