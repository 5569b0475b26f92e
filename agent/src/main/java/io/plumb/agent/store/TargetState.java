package io.plumb.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code TargetState} is what the store knows about one target.
 *
 * @param name the target's name
 * @param status the last status label ({@code synced}, {@code pending}, {@code drifted}, {@code error}), empty
 *     before the first check
 * @param currentVersion the last applied version
 * @param latestVersion the directory's latest version
 * @param pendingFiles the pending files
 * @param message the last message, masked
 * @param reportJson the last drift report as JSON, {@code {}} when there is none
 * @param fingerprint the SHA-256 of the last inspected schema's HCL
 * @param checkedAt when the last check finished
 * @param checks how many checks were recorded
 * @param checkedBy the agent that recorded the last check
 * @param leaseOwner the agent that holds the target, if any
 * @param leaseUntil when that lease expires
 * @param nextDue when the target is next due
 */
public record TargetState(
        String name,
        Optional<String> status,
        Optional<String> currentVersion,
        Optional<String> latestVersion,
        List<String> pendingFiles,
        String message,
        String reportJson,
        Optional<String> fingerprint,
        Optional<Instant> checkedAt,
        long checks,
        Optional<String> checkedBy,
        Optional<String> leaseOwner,
        Optional<Instant> leaseUntil,
        Instant nextDue) {

    public TargetState {
        pendingFiles = List.copyOf(pendingFiles);
    }
}
