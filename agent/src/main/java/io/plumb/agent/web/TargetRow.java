package io.plumb.agent.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code TargetRow} is one target as the dashboard's list shows it.
 *
 * @param name the target's name
 * @param status one of {@code synced}, {@code pending}, {@code drifted}, {@code error}
 * @param currentVersion the applied version, or null when the target has none (or has a desired schema)
 * @param latestVersion the directory's newest version, or null
 * @param pendingFiles the number of files not applied yet
 * @param checkedAt when the target was last checked, or null when it has not been yet
 * @param message the error or drift summary, already free of passwords, or null
 */
public record TargetRow(
        String name,
        String status,
        @Nullable String currentVersion,
        @Nullable String latestVersion,
        int pendingFiles,
        @Nullable Instant checkedAt,
        @Nullable String message) {

    /** The statuses, in the order the dashboard counts them. */
    public static final List<String> STATUSES = List.of("synced", "pending", "drifted", "error");

    public TargetRow {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException(
                    "status must be one of synced, pending, drifted, error, got \"" + status + "\"");
        }
    }
}
