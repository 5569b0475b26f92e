package io.plumb.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code MigrateResults} collects what the rounds of {@link MigrateBench} measured: each leg's wall times or its
 * failure, and the database fingerprint every successful run is checked against (the first one recorded).
 */
final class MigrateResults {

    private final List<MigrateLeg> legs;
    private final Map<MigrateLeg, List<Double>> seconds = new LinkedHashMap<>();
    private final Map<MigrateLeg, String> failures = new LinkedHashMap<>();
    private @Nullable SchemaFingerprint reference;
    private String referenceLeg = "";

    MigrateResults(List<MigrateLeg> legs) {
        this.legs = List.copyOf(legs);
    }

    List<MigrateLeg> legs() {
        return legs;
    }

    /** Records that a leg failed; it runs no further rounds. */
    void fail(MigrateLeg leg, LegFailure failure) {
        failures.putIfAbsent(leg, failure.getMessage());
    }

    boolean hasFailed(MigrateLeg leg) {
        return failures.containsKey(leg);
    }

    /** Returns the failure messages by leg. */
    Map<MigrateLeg, String> failures() {
        return failures;
    }

    /**
     * Records one timed run and checks what it left against the reference.
     *
     * @return the difference from the reference, or empty when the databases agree
     */
    Optional<String> record(MigrateLeg leg, double wallSeconds, SchemaFingerprint fingerprint) {
        if (reference == null) {
            reference = fingerprint;
            referenceLeg = leg.name();
        }
        seconds.computeIfAbsent(leg, k -> new ArrayList<>()).add(wallSeconds);
        return fingerprint.differenceFrom(reference);
    }

    /** Returns the name of the leg whose database the others were checked against. */
    String referenceLeg() {
        return referenceLeg;
    }

    /** Returns the fingerprint every successful run matched, or empty when no run succeeded. */
    Optional<SchemaFingerprint> reference() {
        return Optional.ofNullable(reference);
    }

    /** Returns the first leg of a kind, for the target lines. */
    <T extends MigrateLeg> Optional<T> leg(Class<T> kind) {
        return legs.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** Returns the median wall time of a leg that ran, or empty when it failed or did not run. */
    Optional<Double> median(MigrateLeg leg) {
        List<Double> times = sorted(leg);
        if (times.isEmpty() || hasFailed(leg)) {
            return Optional.empty();
        }
        int n = times.size();
        return Optional.of(n % 2 == 1 ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2);
    }

    /** Returns the minimum wall time of a leg that ran, or empty when it failed or did not run. */
    Optional<Double> min(MigrateLeg leg) {
        List<Double> times = sorted(leg);
        return times.isEmpty() || hasFailed(leg) ? Optional.empty() : Optional.of(times.get(0));
    }

    /**
     * Returns the median over rounds of one leg's time divided by another's in the same round, or empty when either
     * failed. The legs run one after the other within a round, so a pair shares the disk's mood of the moment: this
     * ratio moves less than the ratio of two medians when the machine's speed drifts between rounds.
     */
    Optional<Double> pairedRatio(MigrateLeg leg, MigrateLeg base) {
        List<Double> times = seconds.getOrDefault(leg, List.of());
        List<Double> bases = seconds.getOrDefault(base, List.of());
        if (hasFailed(leg) || hasFailed(base) || times.isEmpty() || times.size() != bases.size()) {
            return Optional.empty();
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            ratios.add(times.get(i) / bases.get(i));
        }
        ratios.sort(Double::compare);
        int n = ratios.size();
        return Optional.of(n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2);
    }

    private List<Double> sorted(MigrateLeg leg) {
        List<Double> times = new ArrayList<>(seconds.getOrDefault(leg, List.of()));
        times.sort(Double::compare);
        return times;
    }
}
