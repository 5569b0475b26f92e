package io.plumb.agent.store;

/** A {@code StoreException} reports that the store's database failed or was unreachable; the message is masked. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message must already be masked. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
