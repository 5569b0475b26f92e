package io.plumb.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.5);

    @Test
    void growsExponentiallyWithinItsJitterBand() {
        // With jitter 0.5 the wait after n failures lies in [base/2, base], base = 1 s * 2^(n-1).
        assertThat(backoff.delay(1, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(1, 0.999999)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(4, 0.0)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void isCappedJitterIncludedAndNeverOverflows() {
        assertThat(backoff.delay(7, 0.999999)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(7, 0.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1_000, 0.999999)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(Integer.MAX_VALUE, 0.25)).isEqualTo(Duration.ofMillis(37_500));
    }

    @Test
    void isMonotonicForAFixedRandomNumber() {
        Duration previous = Duration.ZERO;
        for (int failures = 1; failures < 40; failures++) {
            Duration next = backoff.delay(failures, 0.3);
            assertThat(next).isGreaterThanOrEqualTo(previous);
            previous = next;
        }
    }

    @Test
    void withoutJitterTheRandomNumberDoesNotMatter() {
        Backoff exact = new Backoff(Duration.ofMillis(100), 3.0, Duration.ofSeconds(10), 0.0);

        assertThat(exact.delay(3, 0.0)).isEqualTo(exact.delay(3, 0.9)).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void fullJitterStillWaitsAtLeastAMillisecond() {
        Backoff full = new Backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), 1.0);

        assertThat(full.delay(1, 0.0)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void rejectsSettingsAndArgumentsOutOfRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2.0, Duration.ofSeconds(1), 0.5))
                .hasMessage("backoff initial wait must be positive, got PT0S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), 0.5))
                .hasMessage("backoff max PT1S is shorter than its initial wait PT2S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 0.5))
                .hasMessage("backoff multiplier must be at least 1, got 0.5");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 1.5))
                .hasMessage("backoff jitter must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> backoff.delay(0, 0.5)).hasMessage("failures must be at least 1, got 0");
        assertThatThrownBy(() -> backoff.delay(1, 1.0)).hasMessage("random must be in [0, 1), got 1.0");
    }
}
