package io.plumb.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code CheckRecord} is one finished check, as the store records it.
 *
 * @param target the target's name
 * @param owner the agent that ran it
 * @param status the status label
 * @param currentVersion the last applied version
 * @param latestVersion the directory's latest version
 * @param pendingFiles the pending files
 * @param message the message, masked
 * @param reportJson the drift report as JSON
 * @param inspected the inspected schema's HCL, when the database could be inspected
 * @param checkedAt when the check finished
 * @param nextDue when the target is next due
 */
public record CheckRecord(
        String target,
        String owner,
        String status,
        Optional<String> currentVersion,
        Optional<String> latestVersion,
        List<String> pendingFiles,
        String message,
        String reportJson,
        Optional<String> inspected,
        Instant checkedAt,
        Instant nextDue) {

    public CheckRecord {
        pendingFiles = List.copyOf(pendingFiles);
    }
}
