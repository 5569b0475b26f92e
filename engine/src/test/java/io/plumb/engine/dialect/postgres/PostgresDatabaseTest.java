package io.plumb.engine.dialect.postgres;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@code PostgresDatabaseTest} gives each test a fresh database on the JVM's one embedded PostgreSQL server, and
 * the steps of a round trip through it: reading HCL, inspecting the database, and diffing the two.
 */
abstract class PostgresDatabaseTest {

    final PostgresDialect dialect = new PostgresDialect();
    Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = PostgresServer.newDatabase();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    Realm read(String hcl) {
        return dialect.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }

    Realm inspect() throws SQLException {
        return dialect.inspector().inspect(connection, InspectOptions.all());
    }

    List<SchemaChange> diff(Realm desired) throws SQLException {
        return new Differ().diff(inspect(), desired, DiffOptions.of(dialect.normalizer()));
    }
}
