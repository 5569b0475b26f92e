package io.plumb.agent;

import io.plumb.engine.drift.DriftReport;
import java.util.List;
import java.util.Optional;

/**
 * A {@code CheckResult} is what one check of a target found.
 *
 * @param status the status
 * @param currentVersion the last applied version, if any
 * @param latestVersion the directory's latest version, if any
 * @param pending the names of the pending files
 * @param message a one-line explanation (the error, or what drifted), masked
 * @param reportJson the drift report as a JSON object text, {@code {}} when there is none
 * @param inspected the inspected schema as HCL, when the database could be inspected; it feeds the changelog
 * @param drift the engine's drift report, when the check got that far; the dashboard draws its expected state
 */
public record CheckResult(
        TargetStatus status,
        Optional<String> currentVersion,
        Optional<String> latestVersion,
        List<String> pending,
        String message,
        String reportJson,
        Optional<String> inspected,
        Optional<DriftReport> drift) {

    public CheckResult {
        pending = List.copyOf(pending);
    }

    /** Returns the result of a check that could not run. */
    public static CheckResult error(String message) {
        return new CheckResult(
                TargetStatus.ERROR,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                message,
                "{}",
                Optional.empty(),
                Optional.empty());
    }
}
