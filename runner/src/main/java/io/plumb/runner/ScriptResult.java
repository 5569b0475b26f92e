package io.plumb.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@code ScriptResult} is what running one script produced: its outcome, its log, and where it failed.
 *
 * @param name the script's name
 * @param script the script file
 * @param outcome how the script ended
 * @param log the log in go-internal's layout, ending in {@code PASS} or a {@code FAIL:} line
 * @param failureLine the 1-based line of the script that failed, or 0 when none did
 * @param message the failure or skip message, or empty
 * @param keptWorkDir the work directory, when it was kept
 * @param duration how long the script ran
 */
public record ScriptResult(
        String name,
        Path script,
        ScriptOutcome outcome,
        String log,
        int failureLine,
        String message,
        Optional<Path> keptWorkDir,
        Duration duration) {

    /** Returns whether the script passed. */
    public boolean isPassed() {
        return outcome == ScriptOutcome.PASSED;
    }

    /** Returns whether the script failed. */
    public boolean isFailed() {
        return outcome == ScriptOutcome.FAILED;
    }
}
