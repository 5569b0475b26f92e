package io.plumb.engine.diff;

/**
 * {@code DiffOptions} say how the differ compares two realms.
 *
 * @param normalizer the dialect's rules for when two types, defaults and expressions are the same
 * @param policy the kinds of change to leave out
 */
public record DiffOptions(DiffNormalizer normalizer, DiffPolicy policy) {

    /** Returns options that skip nothing. */
    public static DiffOptions of(DiffNormalizer normalizer) {
        return new DiffOptions(normalizer, DiffPolicy.none());
    }
}
