package io.plumb.bench;

/** A {@code LegFailure} says that one leg of {@link MigrateBench} could not apply the workload, and why. */
public final class LegFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates a failure whose message names the leg and says what the tool reported. */
    public LegFailure(String message) {
        super(message);
    }

    /** Creates a failure with the exception that caused it. */
    public LegFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
