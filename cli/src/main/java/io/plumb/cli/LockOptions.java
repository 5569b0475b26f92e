package io.plumb.cli;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code LockOptions} is {@code --lock-timeout}, how long a migrate command waits for another run's lock; unset,
 * the env's {@code migration { lock_timeout }} applies, else 10 seconds.
 */
final class LockOptions {

    private static final Duration DEFAULT = Duration.ofSeconds(10);

    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long to wait for another run's lock (default 10s).")
    @Nullable
    Duration lockTimeout;

    /** Returns the timeout: the flag's, else the env's, else 10 seconds. */
    Duration timeout(ProjectSelection selection) {
        if (lockTimeout != null) {
            return lockTimeout;
        }
        return selection
                .migration()
                .lockTimeout()
                .map(value -> new DurationConverter().convert(value))
                .orElse(DEFAULT);
    }
}
