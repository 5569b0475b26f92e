package io.plumb.engine.dialect.postgres;

import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.SchemaObject;
import java.util.Locale;

/**
 * The {@code PostgresNormalizer} decides when two PostgreSQL types, defaults or expressions are the same: types by
 * their canonical name ({@code int4} is {@code integer}, {@code varchar(9)} is {@code character varying(9)}),
 * defaults and expressions ignoring the casts, parentheses and whitespace PostgreSQL adds when it stores them.
 */
public final class PostgresNormalizer implements DiffNormalizer {

    @Override
    public String typeKey(ColumnType type) {
        ColumnType canonical = PostgresTypes.canonical(type);
        return canonical instanceof ColumnType.Named
                ? canonical.sql()
                : PostgresTypes.fromCatalog(type.sql().trim().toLowerCase(Locale.ROOT))
                        .sql();
    }

    @Override
    public boolean sameObject(SchemaObject from, SchemaObject to) {
        if (TypeObjectDdl.handles(from)) {
            return TypeObjectDdl.same(this, from, to);
        }
        return DiffNormalizer.super.sameObject(from, to);
    }

    @Override
    public boolean replaceable(SchemaObject from, SchemaObject to) {
        if (TypeObjectDdl.handles(from)) {
            return TypeObjectDdl.replaceable(from, to);
        }
        return DiffNormalizer.super.replaceable(from, to);
    }

    @Override
    public String defaultKey(DefaultValue value) {
        return PostgresExpressions.key(value.sql());
    }

    @Override
    public String expressionKey(String sql) {
        return PostgresExpressions.key(sql);
    }
}
