package io.plumb.agent.store;

import java.time.Instant;

/**
 * An {@code OutboxEntry} is one notification for one channel, kept until its receiver accepted it.
 *
 * @param id the entry's id, increasing
 * @param target the target the notification is about
 * @param channel the channel's name
 * @param payload the notification as JSON
 * @param createdAt when it was enqueued
 * @param attempts how many deliveries failed so far
 */
public record OutboxEntry(long id, String target, String channel, String payload, Instant createdAt, int attempts) {

    /**
     * A notification to enqueue.
     *
     * @param channel the channel's name
     * @param payload the notification as JSON
     */
    public record Draft(String channel, String payload) {}
}
