package io.plumb.agent.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@code Store} keeps the agent's state in a database: per target its last result and lease, a changelog of
 * schema changes, and an outbox of notifications. Several agents may share one PostgreSQL store: leases split the
 * targets between them. Every method may throw {@link StoreException} when the database is unreachable; the next
 * call reconnects.
 */
public interface Store extends AutoCloseable {

    /** Adds the targets the store does not know yet, due now; targets no longer configured are left alone. */
    void register(List<String> targets, Instant now);

    /**
     * Leases up to {@code limit} due targets that no live agent holds, to {@code owner} until {@code now + lease}.
     * Agents sharing the store never get the same target while its lease runs.
     */
    List<String> claim(String owner, Instant now, Duration lease, int limit);

    /**
     * Records a finished check and releases its lease, in one transaction: the target's state, a changelog entry
     * when the inspected schema changed, and, when the status changed, the notifications {@code notifications}
     * returns for the previous status (empty before the first check).
     *
     * @return the previous status, empty before the first check
     */
    Optional<String> record(CheckRecord check, Function<Optional<String>, List<OutboxEntry.Draft>> notifications);

    /** Releases every lease {@code owner} holds, so that another agent may take its targets at once. */
    void release(String owner);

    /** Makes targets due now (all when {@code names} is empty), as "run now" does. */
    void makeDue(List<String> names, Instant now);

    /** Returns every target's state, by name. */
    List<TargetState> targets();

    /** Returns one target's state. */
    Optional<TargetState> target(String name);

    /** Returns a target's changelog, newest first, at most {@code limit} entries. */
    List<ChangelogEntry> changelog(String target, int limit);

    /**
     * Takes up to {@code limit} notifications that are due for delivery, and hides them from other agents until
     * {@code now + lease}, when an undelivered one is due again.
     */
    List<OutboxEntry> claimOutbox(Instant now, Duration lease, int limit);

    /** Marks a notification delivered: its receiver answered with success. */
    void delivered(long id, Instant at);

    /** Records a failed delivery; the notification is due again at {@code retryAt}. */
    void failed(long id, String error, Instant retryAt);

    /** Returns how the outbox stands. */
    OutboxCounts outboxCounts();

    @Override
    void close();
}
