package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "5m, PT5M", "1h30m, PT1H30M", "250ms, PT0.25S", "1.5s, PT1.5S", "PT2M, PT2M"})
    void readsGoAndIsoDurations(String text, String iso) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "5x", "m", "", "1h 30m", "PTX"})
    void rejectsDurationsWithoutAUnit(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("invalid duration");
    }

    @Test
    void rejectsZero() {
        assertThatThrownBy(() -> converter.convert("0s"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("duration must be positive, found \"0s\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807h", "999999999999999999999h", "2562048h"})
    void rejectsDurationsBeyondGosRange(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("invalid duration \"" + text + "\": out of range, expected at most 2562047h47m16s");
    }

    @Test
    void acceptsTheLongestGoDuration() {
        assertThat(converter.convert("2562047h")).isEqualTo(Duration.ofHours(2562047));
    }
}
