package io.plumb.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aSlowStepPrintsOneLineWhenItStartsAndOneWhenItIsDone() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        // The step lasts until it has been announced, so it is slow by construction, whatever the machine's speed.
        String result = Progress.around(
                "starting embedded PostgreSQL 17",
                () -> {
                    while (!captured.toString(StandardCharsets.UTF_8).contains("...")) {
                        Thread.onSpinWait();
                    }
                    return "done";
                },
                out,
                Duration.ZERO);

        assertThat(result).isEqualTo("done");
        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).hasSize(2).satisfies(lines -> {
            assertThat(lines.get(0)).isEqualTo("plumb: starting embedded PostgreSQL 17...");
            assertThat(lines.get(1)).matches("plumb: starting embedded PostgreSQL 17 ready in \\d+ s");
        });
    }

    @Test
    void aFastStepPrintsNothing() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        assertThat(Progress.around("connecting", () -> 42, out, Duration.ofHours(1)))
                .isEqualTo(42);

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void descriptionsNameTheServerAndHideThePassword() {
        assertThat(Progress.describeStart("embedded://postgres/17"))
                .isEqualTo("starting embedded PostgreSQL 17 (first use downloads ~30 MB)");
        assertThat(Progress.describeStart("embedded://mariadb/11.4")).startsWith("starting embedded MariaDB 11.4");
        assertThat(Progress.describeStart("postgres://me:secret@db:5432/x")).doesNotContain("secret");
    }
}
