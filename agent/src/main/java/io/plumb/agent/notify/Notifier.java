package io.plumb.agent.notify;

/**
 * A {@code Notifier} delivers notifications to one channel. It sends once and does not retry: retries, with
 * {@link Backoff}, belong to the agent's outbox, which keeps the notification until a send succeeds or fails for
 * good.
 */
public interface Notifier {

    /**
     * Sends the notification; returns when the receiver has taken it.
     *
     * @throws NotifyException when the receiver did not take it, saying whether a retry may succeed
     */
    void send(Notification notification) throws NotifyException;
}
