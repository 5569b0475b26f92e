package io.plumb.agent.notify;

import java.time.Duration;

/**
 * A {@code Backoff} says how long to wait before the next attempt to deliver a notification: exponential in the
 * number of failed attempts, capped, with jitter so that many notifications that failed together do not retry
 * together. It is a pure function: the caller supplies the random number.
 *
 * @param initial the wait after the first failure
 * @param multiplier how much the wait grows per failure, at least 1
 * @param max the longest wait, jitter included
 * @param jitter the fraction of the wait that is random, from 0 (none) to 1 (anything from zero to the wait)
 */
public record Backoff(Duration initial, double multiplier, Duration max, double jitter) {

    /** 5 s, doubling, up to 30 min, the last half of each wait random. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(30), 0.5);

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial wait must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is shorter than its initial wait " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be at least 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("backoff jitter must be between 0 and 1, got " + jitter);
        }
    }

    /**
     * Returns the wait before the next attempt.
     *
     * @param failures how many attempts have failed so far, at least 1
     * @param random a number in {@code [0, 1)}, uniformly distributed
     */
    public Duration delay(int failures, double random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random must be in [0, 1), got " + random);
        }
        double maxMillis = max.toMillis();
        // Math.pow overflows to infinity, never wraps; min() then caps it.
        double base = Math.min(maxMillis, initial.toMillis() * Math.pow(multiplier, failures - 1));
        double wait = base * (1.0 - jitter) + base * jitter * random;
        return Duration.ofMillis(Math.max(1L, Math.round(Math.min(maxMillis, wait))));
    }
}
