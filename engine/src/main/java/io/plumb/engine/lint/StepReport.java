package io.plumb.engine.lint;

import java.util.Optional;

/**
 * A {@code StepReport} is one step of a lint run, as the reference names them: {@code Migration Integrity Check},
 * {@code Detect New Migration Files}, {@code Replay Migration Files}, {@code Analyze NAME}.
 *
 * @param name the step's name
 * @param text what the step found
 * @param error the error that stopped the run there, empty when none
 * @param result the file report of an analysis step
 */
public record StepReport(String name, String text, String error, Optional<FileReport> result) {

    /** Returns a step that succeeded without a file report. */
    public static StepReport of(String name, String text) {
        return new StepReport(name, text, "", Optional.empty());
    }
}
