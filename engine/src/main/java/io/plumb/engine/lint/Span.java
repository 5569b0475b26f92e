package io.plumb.engine.lint;

/**
 * A {@code Span} tells whether a file created an object, dropped it, or both (a temporary object): analyzers do
 * not report what a file drops after creating it, or changes on objects it created.
 *
 * @param added whether the file creates the object
 * @param dropped whether the file drops it (after creating it, when both)
 */
public record Span(boolean added, boolean dropped) {

    /** An object the file neither creates nor drops. */
    public static final Span UNKNOWN = new Span(false, false);

    /** Returns whether the file both creates and drops the object. */
    public boolean isTemporary() {
        return added && dropped;
    }

    /** Returns whether the file only drops the object (it existed before the file). */
    public boolean isDroppedOnly() {
        return dropped && !added;
    }

    Span add() {
        return new Span(true, false);
    }

    Span drop() {
        return new Span(added, true);
    }
}
