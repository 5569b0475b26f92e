package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks that a cast of an array constructor compares as the server parses it, and nothing else does. */
class ArrayCastsTest {

    @Test
    void castOfTheArrayIsTheCastOfEachElement() {
        assertThat(BodyTokens.key("flag::text = ANY (ARRAY['1'::character varying, '4'::character varying]::text[])"))
                .isEqualTo(BodyTokens.key(
                        "flag::text = ANY (ARRAY['1'::character varying::text, '4'::character varying::text])"));
        assertThat(BodyTokens.key("ARRAY[a, f(b), t.c]::numeric(10,2)[]"))
                .isEqualTo(BodyTokens.key("ARRAY[a::numeric(10,2), f(b)::numeric(10,2), t.c::numeric(10,2)]"));
        assertThat(BodyTokens.key("ARRAY[n + 1, id]::bigint[]"))
                .isEqualTo(BodyTokens.key("ARRAY[(n + 1)::bigint, id::bigint]"));
    }

    @Test
    void differentArraysStillDiffer() {
        assertThat(BodyTokens.key("ARRAY['1'::character varying, '4'::character varying]::text[]"))
                .isNotEqualTo(BodyTokens.key("ARRAY['1'::character varying::text, '5'::character varying::text]"));
        assertThat(BodyTokens.key("ARRAY['1', '4']::text[]"))
                .isNotEqualTo(BodyTokens.key("ARRAY['1'::integer, '4'::integer]"));
        assertThat(BodyTokens.key("ARRAY[n + 1]::bigint[]")).isNotEqualTo(BodyTokens.key("ARRAY[n + 1::bigint]"));
    }

    @Test
    void otherCastsAreLeftAsTheyAre() {
        assertThat(BodyTokens.key("ARRAY[ARRAY[1, 2]]::int[][]"))
                .isEqualTo("array [ array [ 1 , 2 ] ] : : int [ ] [ ]");
        assertThat(BodyTokens.key("ARRAY[1, 2]::int")).isEqualTo("array [ 1 , 2 ] : : int");
        assertThat(BodyTokens.key("'{1,2}'::int[]")).isEqualTo("'{1,2}' : : int [ ]");
    }
}
