package io.plumb.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code IsolationTimes} are one dialect's measured rounds in {@link IsolationBench}: how long handing a test a
 * database took by cloning the snapshot and by replaying the migrations, and how long dropping the clone took.
 *
 * @param dialect the dialect's display name
 * @param server the server's (or library's) version
 * @param targetMillis the target for the clone's median, in milliseconds
 * @param cloned nanoseconds per round of clone plus first query
 * @param replay nanoseconds per round of fresh database plus migrate plus first query
 * @param drop nanoseconds per round of closing (dropping) the clone, untimed in {@code cloned}
 */
record IsolationTimes(
        String dialect, String server, double targetMillis, List<Long> cloned, List<Long> replay, List<Long> drop) {

    IsolationTimes {
        cloned = List.copyOf(cloned);
        replay = List.copyOf(replay);
        drop = List.copyOf(drop);
    }

    /** Returns whether the clone's median is under the target. */
    boolean met() {
        return medianMillis(cloned) < targetMillis;
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
