package io.plumb.engine.dialect.postgres;

import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.Inspector;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.spec.SchemaSpec;

/**
 * {@code PostgresDialect} is what the engine knows about PostgreSQL. Connections, migrations and isolation work;
 * inspection, planning and the HCL spec are being written (the dialects issue) and refuse until then.
 */
public final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Inspector inspector() {
        throw unsupported("inspecting");
    }

    @Override
    public Planner planner() {
        throw unsupported("planning");
    }

    @Override
    public SchemaSpec spec() {
        throw unsupported("reading HCL");
    }

    @Override
    public DiffNormalizer normalizer() {
        throw unsupported("diffing");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " PostgreSQL schemas is not supported by this build yet");
    }
}
