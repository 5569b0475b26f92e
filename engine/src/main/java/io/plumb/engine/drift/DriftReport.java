package io.plumb.engine.drift;

import io.plumb.engine.schema.Realm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code DriftReport} is the result of one drift check: the verdict, where the database stands in its migration
 * history, what differs from the expected state, and the statements that would bring it back.
 *
 * @param status the verdict
 * @param currentVersion the last version recorded in the revisions table, or {@code null} when none is (no table,
 *     or an empty one); always {@code null} for {@code schema drift}
 * @param latestVersion the directory's last version, or {@code null} for an empty directory or {@code schema drift}
 * @param pendingFiles the names of the files not applied yet, in order; they are never drift
 * @param expectedSource what the expected state was built from: {@code file://migrations (local)}, or the desired
 *     schema's sources
 * @param diverged every object in which the database differs from the expected state, in plan order
 * @param hclDiff the unified diff of the expected state's HCL ({@code --- expected state}) against the database's
 *     ({@code +++ actual state}); empty when there is no drift
 * @param fixStatements the statements that bring the database back to the expected state, planned by the dialect's
 *     planner; empty when there is no drift
 * @param destructive whether any fix statement drops something or may lose data (a drop, a type change)
 * @param error the message the last revision recorded, for {@link DriftStatus#FAILED}; else empty
 * @param unsupported what the database holds that the model does not (counts by kind, such as {@code rule}):
 *     compared by count, never left out without a word
 * @param expected the expected state, in the check's scope, without the revisions table
 * @param actual the database's state, in the same scope, without the revisions table
 */
public record DriftReport(
        DriftStatus status,
        @Nullable String currentVersion,
        @Nullable String latestVersion,
        List<String> pendingFiles,
        String expectedSource,
        List<DivergedObject> diverged,
        String hclDiff,
        List<String> fixStatements,
        boolean destructive,
        Optional<String> error,
        Map<String, Integer> unsupported,
        Realm expected,
        Realm actual) {

    public DriftReport {
        pendingFiles = List.copyOf(pendingFiles);
        diverged = List.copyOf(diverged);
        fixStatements = List.copyOf(fixStatements);
        unsupported = Map.copyOf(unsupported);
    }

    /** Returns whether the database differs from its expected state. */
    public boolean isDrifted() {
        return status == DriftStatus.DRIFTED;
    }
}
