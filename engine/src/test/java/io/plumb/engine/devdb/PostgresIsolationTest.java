package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.DatabaseException;
import org.junit.jupiter.api.Test;

class PostgresIsolationTest {

    @Test
    void copiesUseFileCopyFromPostgres15AndNoStrategyBefore() {
        assertThat(PostgresIsolation.strategyClause(17, null)).isEqualTo(" STRATEGY FILE_COPY");
        assertThat(PostgresIsolation.strategyClause(15, "")).isEqualTo(" STRATEGY FILE_COPY");
        assertThat(PostgresIsolation.strategyClause(14, null)).isEmpty();
        assertThat(PostgresIsolation.strategyClause(14, "wal_log")).isEmpty();
    }

    @Test
    void thePropertyChoosesTheStrategyAndRejectsOthers() {
        assertThat(PostgresIsolation.strategyClause(16, " wal_log ")).isEqualTo(" STRATEGY WAL_LOG");
        assertThat(PostgresIsolation.strategyClause(16, "FILE_COPY")).isEqualTo(" STRATEGY FILE_COPY");
        assertThatThrownBy(() -> PostgresIsolation.strategyClause(16, "fast"))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("plumb.devdb.postgresCloneStrategy is fast: expected FILE_COPY or WAL_LOG");
    }
}
