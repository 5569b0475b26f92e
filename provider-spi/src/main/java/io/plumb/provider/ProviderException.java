package io.plumb.provider;

/**
 * A {@code ProviderException} reports that a server could not be started; its message is one line, fit to show a
 * user, and never carries a password. The engine reports it as a database error with the same message.
 */
public final class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message and cause. */
    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with its message. */
    public ProviderException(String message) {
        super(message);
    }
}
