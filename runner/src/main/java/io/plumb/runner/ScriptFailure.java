package io.plumb.runner;

/** A {@code ScriptFailure} ends a script as failed, with a message that the log prints after the line number. */
public class ScriptFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates a failure with the message to log. */
    public ScriptFailure(String message) {
        super(message, null, false, false);
    }

    /** Creates a failure with the message to log and the exception behind it. */
    public ScriptFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
