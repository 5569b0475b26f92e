package io.plumb.agent.notify;

import org.jspecify.annotations.Nullable;

/**
 * A {@code NotifyException} says that a channel did not take a notification, and whether sending it again later
 * may succeed (an unreachable receiver, a timeout, a 5xx or 429 answer) or not (any other 4xx answer, a refused
 * login).
 */
public final class NotifyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    private NotifyException(String message, boolean retryable, @Nullable Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Returns a failure that a later attempt may not have. */
    public static NotifyException retryable(String message, @Nullable Throwable cause) {
        return new NotifyException(message, true, cause);
    }

    /** Returns a failure that every later attempt would have too. */
    public static NotifyException permanent(String message, @Nullable Throwable cause) {
        return new NotifyException(message, false, cause);
    }

    /** Returns whether sending the same notification again later may succeed. */
    public boolean isRetryable() {
        return retryable;
    }
}
