package io.plumb.engine.dialect;

/** A {@code PlanException} says that a change cannot be planned for a dialect, and why. */
public final class PlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a lower-case message naming the object and the reason. */
    public PlanException(String message) {
        super(message);
    }
}
