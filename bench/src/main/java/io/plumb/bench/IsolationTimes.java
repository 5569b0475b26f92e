package io.plumb.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code IsolationTimes} are one dialect's measured rounds in {@link IsolationBench}: how long handing a test a
 * database took by cloning the snapshot (raw, and from a pool of clones made ahead) and by replaying the migrations,
 * and how long the test's first query and dropping the clones took.
 *
 * @param dialect the dialect's display name
 * @param server the server's (or library's) version
 * @param targetMillis the target for the clone's median, in milliseconds
 * @param cloned the raw clones, every clone copied when asked
 * @param replay nanoseconds per round of fresh database plus migrate plus first query
 * @param pooled the clones handed out from the pool; empty when the dialect keeps no pool
 */
record IsolationTimes(
        String dialect, String server, double targetMillis, Clones cloned, List<Long> replay, Clones pooled) {

    IsolationTimes {
        replay = List.copyOf(replay);
    }

    /**
     * One way of cloning's rounds, in nanoseconds per round.
     *
     * @param handOut {@code clone(snapshot)} plus {@code database()}: the test holds an open connection to its own
     *     database
     * @param connect of that, {@code database()} alone
     * @param query the test's first query, after the hand-out
     * @param drop closing (dropping) the clone, after the query; with a pool it shares the server with the pool's
     *     copy of the next clone when that still runs
     */
    record Clones(List<Long> handOut, List<Long> connect, List<Long> query, List<Long> drop) {

        Clones {
            handOut = List.copyOf(handOut);
            connect = List.copyOf(connect);
            query = List.copyOf(query);
            drop = List.copyOf(drop);
        }

        boolean isEmpty() {
            return handOut.isEmpty();
        }

        /** Returns the per-round sums of the hand-out and the first query, what the bench timed before. */
        List<Long> withQuery() {
            List<Long> sums = new ArrayList<>();
            for (int i = 0; i < handOut.size(); i++) {
                sums.add(handOut.get(i) + query.get(i));
            }
            return sums;
        }
    }

    /** Collects one dialect's rounds, leaving out the warm-up ones. */
    static final class Builder {
        private final String dialect;
        private final double targetMillis;
        private String server = "unknown";
        private boolean measuring;
        private final List<List<Long>> cloned = lists();
        private final List<Long> replay = new ArrayList<>();
        private final List<List<Long>> pooled = lists();

        Builder(String dialect, double targetMillis) {
            this.dialect = dialect;
            this.targetMillis = targetMillis;
        }

        private static List<List<Long>> lists() {
            return List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void server(String version) {
            server = version;
        }

        /** Says whether the next times count ({@code false} during warm-up rounds). */
        void measuring(boolean counted) {
            measuring = counted;
        }

        /** Adds a raw clone's hand-out, connect, first query and drop. */
        void cloned(long[] times) {
            add(cloned, times);
        }

        /** Adds a pooled clone's hand-out, connect, first query and drop. */
        void pooled(long[] times) {
            add(pooled, times);
        }

        private void add(List<List<Long>> lists, long[] times) {
            if (measuring) {
                for (int i = 0; i < lists.size(); i++) {
                    lists.get(i).add(times[i]);
                }
            }
        }

        void replay(long nanos) {
            if (measuring) {
                replay.add(nanos);
            }
        }

        IsolationTimes build() {
            return new IsolationTimes(dialect, server, targetMillis, clones(cloned), replay, clones(pooled));
        }

        private static Clones clones(List<List<Long>> lists) {
            return new Clones(lists.get(0), lists.get(1), lists.get(2), lists.get(3));
        }
    }

    /** Returns whether the raw clone's median hand-out is under the target. */
    boolean met() {
        return medianMillis(cloned.handOut()) < targetMillis;
    }

    /** Returns whether the pooled hand-out's median is under the pool's target. */
    boolean pooledMet() {
        return !pooled.isEmpty() && medianMillis(pooled.handOut()) < IsolationReport.POOLED_TARGET_MILLIS;
    }

    /**
     * Returns the median of the per-round ratios replay / (clone + first query): rounds pair the two legs run back to
     * back, and both include the first query.
     */
    double medianRatio() {
        List<Long> clones = cloned.withQuery();
        List<Long> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(clones.size(), replay.size()); i++) {
            // Scaled to keep three decimals through the long median.
            ratios.add(Math.round(1000.0 * replay.get(i) / Math.max(1, clones.get(i))));
        }
        return median(ratios) / 1000.0;
    }

    static double medianMillis(List<Long> nanos) {
        return median(nanos) / 1e6;
    }

    static double minMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
    }

    static double maxMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
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
