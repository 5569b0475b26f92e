package io.plumb.runner.internal;

import java.time.Duration;

/** A {@code Deadline} is the instant by which a script must have finished. */
final class Deadline {
    private final long endNanos;

    Deadline(Duration timeout) {
        this.endNanos = System.nanoTime() + timeout.toNanos();
    }

    /** Returns the time left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean isExpired() {
        return System.nanoTime() - endNanos >= 0;
    }
}
