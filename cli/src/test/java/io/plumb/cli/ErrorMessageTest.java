package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorMessageTest {

    @Test
    void aLongTokenQuotedInAMessageIsCutShort() {
        String token = "y".repeat(200_000);

        String message = ErrorMessage.of(new EngineFailure("big.hcl:2:1: unexpected \"" + token + "\" here"));

        assertThat(message)
                .isEqualTo("big.hcl:2:1: unexpected \"" + "y".repeat(99) + "... (199902 more characters) here");
    }

    @Test
    void aShortMessageIsLeftAlone() {
        String message = "schema.hcl:3:5: column \"" + "x".repeat(150) + "\": unknown type \"integr\"";

        assertThat(ErrorMessage.of(new EngineFailure(message))).isEqualTo(message);
    }
}
