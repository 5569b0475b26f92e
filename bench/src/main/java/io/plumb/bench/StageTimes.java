package io.plumb.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code StageTimes} collects the seconds each stage of a pipeline took over several rounds and prints them as the
 * schema benchmarks report them: the first round (a cold JIT, what one CLI command pays) and the median of the
 * others (a warm test JVM), beside a target, with {@code OVER} where either misses it.
 */
final class StageTimes {

    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

    /** Runs the work, adding its duration to the stage's, and returns its result. */
    <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        seconds.computeIfAbsent(stage, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
        return result;
    }

    /** Prints one line per stage; {@code width} is the width of the stage column. */
    void print(double target, int width) {
        System.out.printf(
                Locale.ROOT, "%-" + width + "s %12s %16s %8s%n", "stage", "first round", "median of rest", "target");
        seconds.forEach((stage, times) -> {
            List<Double> rest = new ArrayList<>(times.subList(1, times.size()));
            rest.sort(Comparator.naturalOrder());
            double median = rest.get(rest.size() / 2);
            boolean over = times.get(0) >= target || median >= target;
            System.out.printf(
                    Locale.ROOT,
                    "%-" + width + "s %11.3fs %15.3fs %7.1fs%s%n",
                    stage,
                    times.get(0),
                    median,
                    target,
                    over ? "  OVER" : "");
        });
    }
}
