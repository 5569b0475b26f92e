package io.plumb.agent;

/** An {@code AgentException} reports a fault of the agent's configuration or store, with a masked message. */
public final class AgentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message must already be masked. */
    public AgentException(String message) {
        super(message);
    }

    /** Creates the exception with a cause; the message must already be masked. */
    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
