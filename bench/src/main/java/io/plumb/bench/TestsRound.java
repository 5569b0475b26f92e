package io.plumb.bench;

/**
 * A {@code TestsRound} is one round of {@link TestsBench}: the same cases run once with snapshots and once replayed.
 *
 * @param snapshots the run with snapshots
 * @param replay the run replaying every case from an empty database
 */
record TestsRound(TestsRun snapshots, TestsRun replay) {

    /** Returns how many times faster the run with snapshots was. */
    double ratio() {
        return replay.seconds() / snapshots.seconds();
    }
}
