package io.plumb.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronTest {

    private static ZonedDateTime at(String text) {
        return ZonedDateTime.parse(text);
    }

    @Test
    void twiceDailyRunsAtMidnightAndNoon() {
        Cron cron = Cron.parse(Cron.TWICE_DAILY);
        assertThat(cron.next(at("2026-12-06T08:15:00Z"))).isEqualTo(at("2026-12-06T12:00:00Z"));
        assertThat(cron.next(at("2026-12-06T12:00:00Z"))).isEqualTo(at("2026-12-07T00:00:00Z"));
    }

    @Test
    void stepsRangesListsAndNames() {
        assertThat(Cron.parse("*/15 * * * *").next(at("2026-12-06T08:16:30Z"))).isEqualTo(at("2026-12-06T08:30:00Z"));
        assertThat(Cron.parse("0 9-17/4 * * *").next(at("2026-12-06T13:00:00Z")))
                .isEqualTo(at("2026-12-06T17:00:00Z"));
        // 2026-12-06 is a Sunday: the next Monday-to-Friday 06:30 is Monday the 7th.
        assertThat(Cron.parse("30 6 * * mon-fri").next(at("2026-12-06T08:00:00Z")))
                .isEqualTo(at("2026-12-07T06:30:00Z"));
        assertThat(Cron.parse("0 0 1 jan,jul *").next(at("2026-12-06T08:00:00Z")))
                .isEqualTo(at("2027-01-01T00:00:00Z"));
        assertThat(Cron.parse("0 0 * * 7").next(at("2026-12-06T08:00:00Z"))).isEqualTo(at("2026-12-13T00:00:00Z"));
        assertThat(Cron.parse("@hourly").next(at("2026-12-06T08:00:00Z"))).isEqualTo(at("2026-12-06T09:00:00Z"));
    }

    @Test
    void dayOfMonthOrDayOfWeekWhenBothAreRestricted() {
        // The 13th, or any Friday: Friday 2026-12-11 comes first.
        assertThat(Cron.parse("0 0 13 * fri").next(at("2026-12-06T00:00:00Z"))).isEqualTo(at("2026-12-11T00:00:00Z"));
    }

    @Test
    void leapDayIsFound() {
        assertThat(Cron.parse("0 0 29 2 *").next(at("2026-12-06T00:00:00Z"))).isEqualTo(at("2028-02-29T00:00:00Z"));
    }

    @Test
    void malformedExpressionsNameTheField() {
        assertThatThrownBy(() -> Cron.parse("* * *"))
                .hasMessageContaining("expected 5 fields")
                .hasMessageContaining("found 3");
        assertThatThrownBy(() -> Cron.parse("61 * * * *"))
                .hasMessageContaining("minute 61 out of range, expected 0 to 59");
        assertThatThrownBy(() -> Cron.parse("0 x * * *")).hasMessageContaining("hour \"x\" is not a number");
        assertThatThrownBy(() -> Cron.parse("0 5-2 * * *")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> Cron.parse("0 0 31 2 *").next(at("2026-12-06T00:00:00Z")))
                .hasMessageContaining("never matches");
    }
}
