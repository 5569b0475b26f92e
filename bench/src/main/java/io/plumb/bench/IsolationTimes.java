package io.plumb.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code IsolationTimes} are one dialect's measured rounds in {@link IsolationBench}: how long handing a test a
 * database took by cloning the snapshot (raw, and from a pool of clones made ahead) and by replaying the migrations,
 * and how long dropping the clones took.
 *
 * @param dialect the dialect's display name
 * @param server the server's (or library's) version
 * @param targetMillis the target for the clone's median, in milliseconds
 * @param cloned nanoseconds per round of clone plus first query, every clone copied when asked
 * @param replay nanoseconds per round of fresh database plus migrate plus first query
 * @param drop nanoseconds per round of closing (dropping) the raw clone, untimed in {@code cloned}
 * @param pooled nanoseconds per round of clone plus first query handed out from the pool; empty when the dialect
 *     keeps no pool
 * @param pooledDrop nanoseconds per round of closing the pooled clone, which shares the server with the pool's copy
 *     of the next clone when that still runs
 */
record IsolationTimes(
        String dialect,
        String server,
        double targetMillis,
        List<Long> cloned,
        List<Long> replay,
        List<Long> drop,
        List<Long> pooled,
        List<Long> pooledDrop) {

    IsolationTimes {
        cloned = List.copyOf(cloned);
        replay = List.copyOf(replay);
        drop = List.copyOf(drop);
        pooled = List.copyOf(pooled);
        pooledDrop = List.copyOf(pooledDrop);
    }

    /** Collects one dialect's rounds, leaving out the warm-up ones. */
    static final class Builder {
        private final String dialect;
        private final double targetMillis;
        private String server = "unknown";
        private boolean measuring;
        private final List<Long> cloned = new ArrayList<>();
        private final List<Long> replay = new ArrayList<>();
        private final List<Long> drop = new ArrayList<>();
        private final List<Long> pooled = new ArrayList<>();
        private final List<Long> pooledDrop = new ArrayList<>();

        Builder(String dialect, double targetMillis) {
            this.dialect = dialect;
            this.targetMillis = targetMillis;
        }

        void server(String version) {
            server = version;
        }

        /** Says whether the next times count ({@code false} during warm-up rounds). */
        void measuring(boolean counted) {
            measuring = counted;
        }

        void cloned(long[] handedAndDropped) {
            if (measuring) {
                cloned.add(handedAndDropped[0]);
                drop.add(handedAndDropped[1]);
            }
        }

        void pooled(long[] handedAndDropped) {
            if (measuring) {
                pooled.add(handedAndDropped[0]);
                pooledDrop.add(handedAndDropped[1]);
            }
        }

        void replay(long nanos) {
            if (measuring) {
                replay.add(nanos);
            }
        }

        IsolationTimes build() {
            return new IsolationTimes(dialect, server, targetMillis, cloned, replay, drop, pooled, pooledDrop);
        }
    }

    /** Returns whether the raw clone's median is under the target. */
    boolean met() {
        return medianMillis(cloned) < targetMillis;
    }

    /** Returns whether the pooled hand-out's median is under the target. */
    boolean pooledMet() {
        return !pooled.isEmpty() && medianMillis(pooled) < targetMillis;
    }

    /** Returns the median of the per-round ratios replay / clone: rounds pair the two legs run back to back. */
    double medianRatio() {
        List<Long> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(cloned.size(), replay.size()); i++) {
            // Scaled to keep three decimals through the long median.
            ratios.add(Math.round(1000.0 * replay.get(i) / Math.max(1, cloned.get(i))));
        }
        return median(ratios) / 1000.0;
    }

    static double medianMillis(List<Long> nanos) {
        return median(nanos) / 1e6;
    }

    static double minMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
    }

    private static double median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}
