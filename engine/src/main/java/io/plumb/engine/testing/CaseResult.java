package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@code CaseResult} is how one test case ran.
 *
 * @param name the case's name ({@code NAME} or {@code NAME/i})
 * @param pos where the case's test block starts
 * @param status how it ended
 * @param duration how long it ran, database set-up included
 * @param logs the lines its {@code log} commands printed, in order
 * @param failure why it failed, when it did
 * @param updates the {@code output} values update mode rewrites (empty outside update mode)
 */
public record CaseResult(
        String name,
        Pos pos,
        CaseStatus status,
        Duration duration,
        List<LogLine> logs,
        Optional<CaseFailure> failure,
        List<OutputUpdate> updates) {

    public CaseResult {
        logs = List.copyOf(logs);
        updates = List.copyOf(updates);
    }
}
