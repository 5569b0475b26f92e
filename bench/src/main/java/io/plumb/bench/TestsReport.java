package io.plumb.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A {@code TestsReport} prints what {@link TestsBench} ran and measured: the workload and machine first, then each
 * round as it ends, then the medians, the ratio and the target.
 *
 * @param workload the generated files and cases
 * @param out where the report goes
 */
record TestsReport(TestsWorkload workload, PrintStream out) {

    private static final double TARGET = 9.0;
    private static final double CACHED_TARGET = 20.0;

    void printWorkload() {
        out.printf(
                Locale.ROOT,
                "workload: %d migration files (%d statements, %d with data migrations), %d test \"migrate\" cases,"
                        + " seed %d%n",
                workload.migrations().size(),
                workload.statements(),
                workload.filesWithDataMigrations(),
                workload.cases().size(),
                workload.seed());
        out.printf(
                Locale.ROOT,
                "files applied in all: %d replaying every case; at least %d with snapshots (the highest first"
                        + " target's prefix once, then each case's files after its seed), so %.1fx is the most"
                        + " snapshots can gain if every file costs the same%n",
                workload.filesReplayed(),
                workload.filesWithSnapshots(),
                (double) workload.filesReplayed() / workload.filesWithSnapshots());
        out.printf(
                Locale.ROOT,
                "machine: %d cores (load average %.1f), Java %s (%s), dev database %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                TestsBench.DEV_URL);
        out.printf(
                Locale.ROOT,
                "%-7s %-10s %10s %12s %12s %9s %9s %9s%n",
                "round",
                "mode",
                "wall",
                "in cases",
                "slowest case",
                "created",
                "reused",
                "cached");
    }

    void printWarmup(int rounds, double seconds) {
        out.printf(
                Locale.ROOT,
                "warm-up: %d untimed round%s of every mode and of SQLite alone, %.1fs%n",
                rounds,
                rounds == 1 ? "" : "s",
                seconds);
    }

    void printCeiling(TestsCeiling ceiling) {
        out.printf(
                Locale.ROOT,
                "%-7s %-10s replay %.3fs, cold %.3fs, cached %.3fs (of which restores %.3fs): at most %.1fx cold,"
                        + " %.1fx cached%n",
                "",
                "sqlite",
                ceiling.replay(),
                ceiling.cold(),
                ceiling.cached(),
                ceiling.restore(),
                ceiling.replay() / ceiling.cold(),
                ceiling.replay() / ceiling.cached());
    }

    void printRound(int round, TestsRound result) {
        printRun(Integer.toString(round), result.snapshots());
        printRun("", result.cached());
        printRun("", result.replay());
        out.printf(
                Locale.ROOT,
                "%-7s %-10s %9.1fx cold, %.1fx cached%n",
                "",
                "ratio",
                result.ratio(),
                result.cachedRatio());
    }

    void printRun(int round, TestsRun run) {
        printRun(Integer.toString(round), run);
    }

    private void printRun(String round, TestsRun run) {
        out.printf(
                Locale.ROOT,
                "%-7s %-10s %9.3fs %11.3fs %11.1fms %9d %9d %9d%n",
                round,
                run.mode(),
                run.seconds(),
                seconds(run.inCases()),
                seconds(run.slowestCase()) * 1000,
                run.stats().created(),
                run.stats().reused(),
                run.stats().cached());
    }

    void printSummary(List<TestsRound> rounds, List<TestsCeiling> ceilings) {
        double snapshots = medianOf(rounds, r -> r.snapshots().seconds());
        double cached = medianOf(rounds, r -> r.cached().seconds());
        double replay = medianOf(rounds, r -> r.replay().seconds());
        int cases = workload.cases().size();
        out.printf(
                Locale.ROOT,
                "median of %d rounds: snapshots (cold) %.3fs (%.1fms a case), with the cache %.3fs (%.1fms a case),"
                        + " replay %.3fs (%.1fms a case)%n",
                rounds.size(),
                snapshots,
                snapshots * 1000 / cases,
                cached,
                cached * 1000 / cases,
                replay,
                replay * 1000 / cases);
        verdict("replay / snapshots (cold)", replay / snapshots, medianOf(rounds, TestsRound::ratio), TARGET);
        verdict(
                "replay / snapshots (cache)",
                replay / cached,
                medianOf(rounds, TestsRound::cachedRatio),
                CACHED_TARGET);
        double alone = medianOf(ceilings, TestsCeiling::replay);
        double aloneCold = medianOf(ceilings, TestsCeiling::cold);
        double aloneCached = medianOf(ceilings, TestsCeiling::cached);
        out.printf(
                Locale.ROOT,
                "SQLite alone (the same statements and restores through sqlite-jdbc, no Plumb), median: replay %.3fs,"
                        + " cold %.3fs, cached %.3fs, so SQLite's own work caps the ratios at %.1fx cold and %.1fx"
                        + " cached; against Plumb's replay, snapshots with no Plumb work at all would reach %.1fx cold"
                        + " and %.1fx cached. Plumb's own share: replay %.3fs, cold %.3fs, cached %.3fs%n",
                alone,
                aloneCold,
                aloneCached,
                alone / aloneCold,
                alone / aloneCached,
                replay / aloneCold,
                replay / aloneCached,
                replay - alone,
                snapshots - aloneCold,
                cached - aloneCached);
        TestsRound last = rounds.get(rounds.size() - 1);
        out.printf(
                Locale.ROOT,
                "snapshot stats (last round): cold %d created, %d reused; cached %d created, %d reused, %d from the"
                        + " cache%n",
                last.snapshots().stats().created(),
                last.snapshots().stats().reused(),
                last.cached().stats().created(),
                last.cached().stats().reused(),
                last.cached().stats().cached());
    }

    private void verdict(String what, double ratio, double perRound, double target) {
        out.printf(
                Locale.ROOT,
                "%s: %.1fx (median of per-round ratios %.1fx); target >= %.0fx: %s%n",
                what,
                ratio,
                perRound,
                target,
                ratio >= target ? "met" : "MISSED");
    }

    private static <T> double medianOf(List<T> items, ToDoubleFunction<T> figure) {
        double[] values = items.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
