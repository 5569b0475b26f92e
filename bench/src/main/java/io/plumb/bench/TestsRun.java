package io.plumb.bench;

import io.plumb.engine.testing.SnapshotStats;
import java.time.Duration;

/**
 * A {@code TestsRun} is one timed run of every migration-test case of {@link TestsBench} through a fresh runner.
 *
 * @param mode {@code snapshots} (cold: an empty snapshot cache, which the run fills), {@code cached} (the cache an
 *     earlier run of the same directory filled) or {@code replay} (every case from an empty database)
 * @param seconds the wall time from the runner's creation to its close
 * @param stats what the runner did with snapshots
 * @param inCases the sum of the cases' own durations, as the runner reports them
 * @param slowestCase the longest case's duration
 */
record TestsRun(String mode, double seconds, SnapshotStats stats, Duration inCases, Duration slowestCase) {}
