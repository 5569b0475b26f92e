package io.plumb.bench;

import io.plumb.engine.testing.SnapshotStats;
import java.time.Duration;

/**
 * A {@code TestsRun} is one timed run of every migration-test case of {@link TestsBench} through a fresh runner.
 *
 * @param snapshots whether the runner started cases from snapshots
 * @param seconds the wall time from the runner's creation to its close
 * @param stats what the runner did with snapshots
 * @param inCases the sum of the cases' own durations, as the runner reports them
 * @param slowestCase the longest case's duration
 */
record TestsRun(boolean snapshots, double seconds, SnapshotStats stats, Duration inCases, Duration slowestCase) {

    String mode() {
        return snapshots ? "snapshots" : "replay";
    }
}
