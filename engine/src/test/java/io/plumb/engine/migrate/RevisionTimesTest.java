package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionTimesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-03-05T10:15:30Z",
                "2024-03-05T10:15:30.000000001Z",
                "2024-03-05T10:15:30.120Z",
                "1999-12-31T23:59:59.999999999Z",
                "2024-02-29T00:00:00Z"
            })
    void readsWhatItWrites(String iso) {
        Instant instant = Instant.parse(iso);

        assertThat(RevisionTimes.parse(RevisionTimes.format(instant))).isEqualTo(instant);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-03-05 10:15:30+00:00",
                "2024-03-05 10:15:30.1+00:00",
                "2024-03-05 10:15:30.123456789+00:00",
                "2024-03-05 12:15:30.5+02:00",
                "2024-03-05 03:15:30-07:00",
                "2024-03-05 04:45:30-05:30",
                "2024-03-05 15:45:30.000001+05:30"
            })
    void readsTheReferenceDriversShapeAsTheFormatterDoes(String text) {
        Instant byHand = RevisionTimes.canonical(text);

        assertThat(byHand).isNotNull();
        assertThat(RevisionTimes.parse(text)).isEqualTo(byHand);
        assertThat(byHand)
                .isEqualTo(
                        java.time.OffsetDateTime.parse(text.replace(' ', 'T')).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-03-05T10:15:30+00:00",
                "2024-03-05 10:15:30",
                "2024-03-05 10:15:30Z",
                "2024-03-05 10:15:30.+00:00",
                "2024-03-05 10:15:30.1234567890+00:00",
                "2024-3-05 10:15:30+00:00",
                "2024-03-05 10:15:30+0000",
                "2024-02-31 10:15:30+00:00",
                "2024-03-05 24:00:00+00:00",
                "2024-03-05 10:15:30*00:00",
                "x024-03-05 10:15:30+00:00"
            })
    void leavesEveryOtherShapeToTheFormatter(String text) {
        assertThat(RevisionTimes.canonical(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05T10:15:30Z", " 2024-03-05 10:15:30.5+00:00 "})
    void stillReadsWhatOnlyTheFormatterReads(String text) {
        assertThat(RevisionTimes.parse(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-05 10:15:30+00:00", ""})
    void namesTheValueItCannotRead(String text) {
        assertThatThrownBy(() -> RevisionTimes.parse(text))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("executed_at \"" + text + "\" is not a time");
    }
}
