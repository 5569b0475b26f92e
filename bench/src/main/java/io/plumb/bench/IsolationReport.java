package io.plumb.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;

/** {@code IsolationReport} prints {@link IsolationBench}'s figures: a line per dialect, then the machine. */
final class IsolationReport {

    /** Issue 18's target for the median pooled hand-out, every server dialect. */
    static final double POOLED_TARGET_MILLIS = 5;

    private final PrintStream out;

    IsolationReport(PrintStream out) {
        this.out = out;
    }

    void print(List<IsolationTimes> results) {
        out.println();
        out.println("handing a test an isolated database, milliseconds (hand-out: clone(snapshot) + database(), the"
                + " test then holds an open connection; connect: database() alone; query: the test's first query"
                + " after it; replay: empty database + migrate + first query):");
        out.printf(
                "%-9s %12s %9s %11s %9s %11s %13s %11s %8s %9s  %s%n",
                "dialect",
                "hand-out med",
                "min",
                "connect med",
                "query med",
                "+query med",
                "replay median",
                "replay min",
                "ratio",
                "drop med",
                "target");
        for (IsolationTimes t : results) {
            IsolationTimes.Clones c = t.cloned();
            out.printf(
                    "%-9s %12.1f %9.1f %11.1f %9.1f %11.1f %13.1f %11.1f %7.1fx %9.1f  clone < %s ms: %s%n",
                    t.dialect(),
                    IsolationTimes.medianMillis(c.handOut()),
                    IsolationTimes.minMillis(c.handOut()),
                    IsolationTimes.medianMillis(c.connect()),
                    IsolationTimes.medianMillis(c.query()),
                    IsolationTimes.medianMillis(c.withQuery()),
                    IsolationTimes.medianMillis(t.replay()),
                    IsolationTimes.minMillis(t.replay()),
                    t.medianRatio(),
                    IsolationTimes.medianMillis(c.drop()),
                    millis(t.targetMillis()),
                    t.met() ? "met" : "MISSED");
        }
        out.println("(+query: hand-out plus first query, per round, as the bench timed a clone before; ratio: median"
                + " of the per-round replay / (hand-out + first query); drop: closing the clone, not in the hand-out)");
        printPooled(results);
        printMachine(results);
    }

    private void printPooled(List<IsolationTimes> results) {
        out.println();
        out.println("handed out from the pool (one clone per snapshot made ahead in the background, with its"
                + " connection), milliseconds:");
        out.printf(
                "%-9s %12s %9s %9s %11s %9s %11s %9s %16s  %s%n",
                "dialect",
                "hand-out med",
                "min",
                "max",
                "connect med",
                "query med",
                "+query med",
                "drop med",
                "background copy",
                "target");
        for (IsolationTimes t : results) {
            IsolationTimes.Clones p = t.pooled();
            if (p.isEmpty()) {
                out.printf("%-9s %s%n", t.dialect(), "no pool: a clone loads the snapshot in memory");
                continue;
            }
            out.printf(
                    "%-9s %12.2f %9.2f %9.2f %11.2f %9.1f %11.1f %9.1f %16s  hand-out < %s ms: %s%n",
                    t.dialect(),
                    IsolationTimes.medianMillis(p.handOut()),
                    IsolationTimes.minMillis(p.handOut()),
                    IsolationTimes.maxMillis(p.handOut()),
                    IsolationTimes.medianMillis(p.connect()),
                    IsolationTimes.medianMillis(p.query()),
                    IsolationTimes.medianMillis(p.withQuery()),
                    IsolationTimes.medianMillis(p.drop()),
                    String.format(
                            "~%.1f each", IsolationTimes.medianMillis(t.cloned().handOut())),
                    millis(POOLED_TARGET_MILLIS),
                    t.pooledMet() ? "met" : "MISSED");
        }
        out.println("(the pool copies one clone in the background per clone handed out, about the raw clone time,"
                + " and one more per snapshot that is dropped unused at the end; the hand-out is this fast only when"
                + " the copy finished before the next request, here during the other legs of the round; the pool"
                + " copies on its own administrative connection, but the first query and the drop share the server"
                + " with the copy of the next clone, which starts at the hand-out)");
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
