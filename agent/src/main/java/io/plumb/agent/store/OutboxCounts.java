package io.plumb.agent.store;

/**
 * {@code OutboxCounts} say how the outbox stands.
 *
 * @param pending notifications not delivered yet that no delivery has failed
 * @param failing notifications not delivered yet whose last delivery failed (they are retried)
 * @param delivered notifications delivered
 */
public record OutboxCounts(long pending, long failing, long delivered) {}
