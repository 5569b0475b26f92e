package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.Inspector;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.spec.SchemaSpec;

/** The {@code SqliteDialect}: SQLite through sqlite-jdbc, always bound to the schema {@code main}. */
public final class SqliteDialect implements Dialect {

    private final SqliteInspector inspector = new SqliteInspector();
    private final SqlitePlanner planner = new SqlitePlanner();
    private final SqliteSchemaSpec spec = new SqliteSchemaSpec();
    private final SqliteNormalizer normalizer = new SqliteNormalizer();

    @Override
    public String name() {
        return "sqlite";
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
