package io.plumb.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;

/** {@code IsolationReport} prints {@link IsolationBench}'s figures: a line per dialect, then the machine. */
final class IsolationReport {

    private final PrintStream out;

    IsolationReport(PrintStream out) {
        this.out = out;
    }

    void print(List<IsolationTimes> results) {
        out.println();
        out.println("handing a test an isolated database (clone: snapshot copy + first query;"
                + " replay: empty database + migrate + first query), milliseconds:");
        out.printf(
                "%-9s %14s %14s %15s %15s %8s %10s  %s%n",
                "dialect", "clone median", "clone min", "replay median", "replay min", "ratio", "drop med", "target");
        for (IsolationTimes t : results) {
            out.printf(
                    "%-9s %14.1f %14.1f %15.1f %15.1f %7.1fx %10.1f  clone < %s ms: %s%n",
                    t.dialect(),
                    IsolationTimes.medianMillis(t.cloned()),
                    IsolationTimes.minMillis(t.cloned()),
                    IsolationTimes.medianMillis(t.replay()),
                    IsolationTimes.minMillis(t.replay()),
                    t.medianRatio(),
                    IsolationTimes.medianMillis(t.drop()),
                    millis(t.targetMillis()),
                    t.met() ? "met" : "MISSED");
        }
        out.println("(ratio: median of the per-round replay / clone; drop: closing the clone, not in the clone time)");
        printPooled(results);
        printMachine(results);
    }

    private void printPooled(List<IsolationTimes> results) {
        out.println();
        out.println("handed out from the pool (one clone per snapshot made ahead in the background), milliseconds:");
        out.printf(
                "%-9s %14s %14s %10s %18s  %s%n",
                "dialect", "hand-out med", "hand-out min", "drop med", "background copy", "target");
        for (IsolationTimes t : results) {
            if (t.pooled().isEmpty()) {
                out.printf("%-9s %s%n", t.dialect(), "no pool: a clone loads the snapshot in memory");
                continue;
            }
            out.printf(
                    "%-9s %14.1f %14.1f %10.1f %18s  hand-out < %s ms: %s%n",
                    t.dialect(),
                    IsolationTimes.medianMillis(t.pooled()),
                    IsolationTimes.minMillis(t.pooled()),
                    IsolationTimes.medianMillis(t.pooledDrop()),
                    String.format("~%.1f each", IsolationTimes.medianMillis(t.cloned())),
                    millis(t.targetMillis()),
                    t.pooledMet() ? "met" : "MISSED");
        }
        out.println("(the pool copies one clone in the background per clone handed out, about the raw clone time,"
                + " and one more per snapshot that is dropped unused at the end; the hand-out is this fast only when"
                + " the copy finished before the next request, here during the other legs of the round; the pool"
                + " copies on its own administrative connection, but drop med still shares the server with that"
                + " copy when it runs)");
    }

    private void printMachine(List<IsolationTimes> results) {
        out.println();
        out.printf(
                "machine: %d cores, load average %.2f, %s %s, %s %s (%s)%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("os.arch"));
        for (IsolationTimes t : results) {
            out.printf("  %-9s %s%n", t.dialect(), t.server());
        }
    }

    private static String millis(double target) {
        return target == Math.rint(target) ? Long.toString((long) target) : Double.toString(target);
    }
}
