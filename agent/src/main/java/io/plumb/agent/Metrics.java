package io.plumb.agent;

import io.plumb.agent.store.OutboxCounts;
import io.plumb.agent.store.TargetState;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code Metrics} count what one agent process did, and write them with the store's figures in Prometheus's text
 * exposition format.
 */
public final class Metrics {

    private static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final Map<TargetStatus, AtomicLong> checks = new EnumMap<>(TargetStatus.class);
    private final long[] buckets = new long[BUCKETS.length];
    private long durationCount;
    private double durationSum;
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong deliveryFailures = new AtomicLong();

    Metrics() {
        for (TargetStatus status : TargetStatus.values()) {
            checks.put(status, new AtomicLong());
        }
    }

    synchronized void checked(TargetStatus status, Duration took) {
        checks.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        double seconds = took.toNanos() / 1e9;
        durationCount++;
        durationSum += seconds;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                buckets[i]++;
            }
        }
    }

    void delivered() {
        deliveries.incrementAndGet();
    }

    void deliveryFailed() {
        deliveryFailures.incrementAndGet();
    }

    /** Returns how many checks this process ran. */
    public long checks() {
        return checks.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Writes the metrics, with the store's targets and outbox. */
    public synchronized String prometheus(List<TargetState> targets, OutboxCounts outbox) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP plumb_agent_checks_total Checks run by this agent, by resulting status.\n");
        out.append("# TYPE plumb_agent_checks_total counter\n");
        checks.forEach((status, count) -> out.append("plumb_agent_checks_total{status=\"")
                .append(status.label())
                .append("\"} ")
                .append(count.get())
                .append('\n'));
        out.append("# HELP plumb_agent_check_duration_seconds How long checks took.\n");
        out.append("# TYPE plumb_agent_check_duration_seconds histogram\n");
        for (int i = 0; i < BUCKETS.length; i++) {
            out.append("plumb_agent_check_duration_seconds_bucket{le=\"")
                    .append(format(BUCKETS[i]))
                    .append("\"} ")
                    .append(buckets[i])
                    .append('\n');
        }
        out.append("plumb_agent_check_duration_seconds_bucket{le=\"+Inf\"} ")
                .append(durationCount)
                .append('\n');
        out.append("plumb_agent_check_duration_seconds_sum ")
                .append(format(durationSum))
                .append('\n');
        out.append("plumb_agent_check_duration_seconds_count ")
                .append(durationCount)
                .append('\n');
        out.append("# HELP plumb_agent_targets Targets by their last status (unknown: not checked yet).\n");
        out.append("# TYPE plumb_agent_targets gauge\n");
        for (TargetStatus status : TargetStatus.values()) {
            long count = targets.stream()
                    .filter(t -> t.status().orElse("").equals(status.label()))
                    .count();
            out.append("plumb_agent_targets{status=\"")
                    .append(status.label())
                    .append("\"} ")
                    .append(count)
                    .append('\n');
        }
        out.append("plumb_agent_targets{status=\"unknown\"} ")
                .append(targets.stream().filter(t -> t.status().isEmpty()).count())
                .append('\n');
        out.append("# HELP plumb_agent_outbox Notifications in the outbox, by state.\n");
        out.append("# TYPE plumb_agent_outbox gauge\n");
        out.append("plumb_agent_outbox{state=\"pending\"} ")
                .append(outbox.pending())
                .append('\n');
        out.append("plumb_agent_outbox{state=\"failed\"} ")
                .append(outbox.failing())
                .append('\n');
        out.append("plumb_agent_outbox{state=\"delivered\"} ")
                .append(outbox.delivered())
                .append('\n');
        out.append("# HELP plumb_agent_deliveries_total Notification deliveries by this agent, by result.\n");
        out.append("# TYPE plumb_agent_deliveries_total counter\n");
        out.append("plumb_agent_deliveries_total{result=\"ok\"} ")
                .append(deliveries.get())
                .append('\n');
        out.append("plumb_agent_deliveries_total{result=\"failed\"} ")
                .append(deliveryFailures.get())
                .append('\n');
        return out.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
