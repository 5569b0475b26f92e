package io.plumb.engine.dialect.postgres;

import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.Inspector;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.spec.SchemaSpec;

/**
 * {@code PostgresDialect} is what the engine knows about PostgreSQL: inspection from {@code pg_catalog}, planning
 * of PostgreSQL DDL, the HCL spec with PostgreSQL's types, and the rules by which PostgreSQL's reprinted types,
 * defaults and expressions compare.
 */
public final class PostgresDialect implements Dialect {

    private final PostgresInspector inspector = new PostgresInspector();
    private final PostgresPlanner planner;
    private final PostgresSchemaSpec spec = new PostgresSchemaSpec();
    private final PostgresNormalizer normalizer = new PostgresNormalizer();

    /** Creates the dialect for a server of any version. */
    public PostgresDialect() {
        this(ServerFeatures.UNKNOWN);
    }

    /**
     * Creates the dialect for a connection to a server of the given major version, whose planner refuses what the
     * server cannot run (such as {@code NULLS NOT DISTINCT} before PostgreSQL 15).
     */
    public PostgresDialect(int serverMajor) {
        this.planner = new PostgresPlanner(serverMajor);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Inspector inspector() {
        return inspector;
    }

    @Override
    public Planner planner() {
        return planner;
    }

    @Override
    public SchemaSpec spec() {
        return spec;
    }

    @Override
    public DiffNormalizer normalizer() {
        return normalizer;
    }
}
