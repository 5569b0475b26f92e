package io.plumb.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresParametersTest {

    @Test
    void numberedParametersBecomePlaceholdersInTheirOrder() {
        PostgresParameters.Query query = PostgresParameters.of("SELECT $2, $1, $2 WHERE x LIKE $10");
        assertThat(query.sql()).isEqualTo("SELECT ?, ?, ? WHERE x LIKE ?");
        assertThat(query.order()).containsExactly(2, 1, 2, 10);
    }

    @Test
    void quotedTextCommentsAndIdentifiersKeepTheirDollars() {
        PostgresParameters.Query query = PostgresParameters.of(
                "SELECT '$1', \"$2\", $q$ $3 $q$, $$ $4 $$, a$5 -- $6\n/* $7 */ , 'it''s $8', $9");
        assertThat(query.sql())
                .isEqualTo("SELECT '$1', \"$2\", $q$ $3 $q$, $$ $4 $$, a$5 -- $6\n/* $7 */ , 'it''s $8', ?");
        assertThat(query.order()).containsExactly(9);
    }

    @Test
    void aLiteralQuestionMarkIsEscapedForTheDriver() {
        PostgresParameters.Query query = PostgresParameters.of("SELECT '{}'::jsonb ? 'a', '?' WHERE $1");
        assertThat(query.sql()).isEqualTo("SELECT '{}'::jsonb ?? 'a', '?' WHERE ?");
    }
}
