package io.plumb.bench;

/**
 * A {@code TestsRound} is one round of {@link TestsBench}: the same cases run with snapshots and an empty cache,
 * again with the cache that run filled, and replayed.
 *
 * @param snapshots the run with snapshots, starting from an empty cache
 * @param cached the run with snapshots and the cache the first run filled
 * @param replay the run replaying every case from an empty database
 */
record TestsRound(TestsRun snapshots, TestsRun cached, TestsRun replay) {

    /** Returns how many times faster the cold run with snapshots was. */
    double ratio() {
        return replay.seconds() / snapshots.seconds();
    }

    /** Returns how many times faster the run with the cache was. */
    double cachedRatio() {
        return replay.seconds() / cached.seconds();
    }
}
