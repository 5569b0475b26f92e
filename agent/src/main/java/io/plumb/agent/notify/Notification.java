package io.plumb.agent.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Notification} is one message about one target, sent to every channel: a change of the target's status,
 * or a test message.
 *
 * @param id a UUID, the idempotency key of the delivery: a receiver that sees the same id twice has seen a retry
 * @param kind {@code status_changed} or {@code test}
 * @param target the target's name
 * @param previousStatus the status before the change, or null when the target had none (its first check)
 * @param status one of {@code synced}, {@code pending}, {@code drifted}, {@code error}
 * @param currentVersion the target's applied version, or null when it has none
 * @param latestVersion the newest version of the target's migration directory, or null when it has none
 * @param pendingFiles the number of files not applied yet
 * @param message the error or drift summary, already free of passwords, or null
 * @param link the target's dashboard page, or null when the agent has no public address
 * @param time when the status changed
 */
public record Notification(
        String id,
        String kind,
        String target,
        @Nullable String previousStatus,
        String status,
        @Nullable String currentVersion,
        @Nullable String latestVersion,
        int pendingFiles,
        @Nullable String message,
        @Nullable String link,
        Instant time) {

    /** The kind of a notification sent on a change of status. */
    public static final String STATUS_CHANGED = "status_changed";

    /** The kind of a notification sent by {@code plumb agent notify-test}. */
    public static final String TEST = "test";

    /** The statuses a target can have, in the order the dashboard counts them. */
    public static final List<String> STATUSES = List.of("synced", "pending", "drifted", "error");

    public Notification {
        Objects.requireNonNull(time, "time");
        UUID.fromString(id);
        if (!kind.equals(STATUS_CHANGED) && !kind.equals(TEST)) {
            throw new IllegalArgumentException(
                    "notification kind must be status_changed or test, got \"" + kind + "\"");
        }
        requireStatus(status);
        if (previousStatus != null) {
            requireStatus(previousStatus);
        }
        if (pendingFiles < 0) {
            throw new IllegalArgumentException("pending file count must not be negative, got " + pendingFiles);
        }
    }

    /** Returns a test notification for the given target, with a fresh id, as {@code notify-test} sends it. */
    public static Notification test(String target, @Nullable String link, Instant time) {
        return new Notification(
                UUID.randomUUID().toString(),
                TEST,
                target,
                null,
                "synced",
                null,
                null,
                0,
                "a test message from plumb agent notify-test",
                link,
                time);
    }

    /** Returns the one-line summary channels put in a subject or headline, such as {@code prod is drifted}. */
    public String headline() {
        String line = target + " is " + status;
        if (previousStatus != null && !previousStatus.equals(status)) {
            line += " (was " + previousStatus + ")";
        }
        return kind.equals(TEST) ? "test: " + line : line;
    }

    private static void requireStatus(String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException(
                    "status must be one of synced, pending, drifted, error, got \"" + status + "\"");
        }
    }
}
