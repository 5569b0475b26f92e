package io.plumb.engine.source;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.plan.StatementException;

/**
 * A {@code DevLoadException} says that the dev database refused a statement while a desired state was created on it
 * to be normalised, naming the change the statement makes ({@code create "t" table on the dev database: executing
 * statement "...": reason}). {@link SourceLoader#locate} puts the HCL block that declares the object in front.
 */
public final class DevLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PlannedChange change;

    DevLoadException(PlannedChange change, StatementException cause) {
        super(change.comment() + " on the dev database: " + cause.getMessage(), cause);
        this.change = change;
    }

    private DevLoadException(String message, DevLoadException unlocated) {
        super(message, unlocated.getCause());
        this.change = unlocated.change;
    }

    /** Returns the planned change whose statement the dev database refused. */
    public PlannedChange change() {
        return change;
    }

    /** Returns the same failure with a position in front of its message. */
    DevLoadException at(String position) {
        return new DevLoadException(position + ": " + getMessage(), this);
    }
}
