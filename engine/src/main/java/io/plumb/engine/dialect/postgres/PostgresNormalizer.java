package io.plumb.engine.dialect.postgres;

import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.diff.NumericLiterals;
import io.plumb.engine.diff.ObjectTexts;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code PostgresNormalizer} decides when two PostgreSQL types, defaults or expressions are the same: types by
 * their canonical name ({@code int4} is {@code integer}, {@code varchar(9)} is {@code character varying(9)}),
 * defaults and expressions ignoring the casts, parentheses and whitespace PostgreSQL adds when it stores them;
 * objects by their texts token by token ({@link BodyTokens}: function bodies are kept as written); and which
 * object changes {@code CREATE OR REPLACE} can make.
 */
public final class PostgresNormalizer implements DiffNormalizer {

    // The comment PostgreSQL gives the public schema it creates; the reference skips it when comparing schemas.
    private static final String DEFAULT_SCHEMA_COMMENT = "standard public schema";

    @Override
    public Optional<String> schemaComment(Optional<String> comment) {
        return comment.filter(c -> !c.equals(DEFAULT_SCHEMA_COMMENT));
    }

    @Override
    public boolean sameObject(SchemaObject from, SchemaObject to) {
        if (TypeObjectDdl.handles(from)) {
            return TypeObjectDdl.same(this, from, to);
        }
        return ObjectTexts.comparable(from, BodyTokens::key).equals(ObjectTexts.comparable(to, BodyTokens::key));
    }

    /**
     * {@code CREATE OR REPLACE VIEW} keeps the old columns as they are and may add new ones after them; {@code CREATE
     * OR REPLACE FUNCTION|PROCEDURE} keeps the return type and the arguments (names, types, modes and defaults);
     * {@code CREATE OR REPLACE TRIGGER} (PostgreSQL 14) works for any trigger that is not a constraint trigger.
     */
    @Override
    public boolean replaceable(SchemaObject from, SchemaObject to) {
        if (TypeObjectDdl.handles(from)) {
            return TypeObjectDdl.replaceable(from, to);
        }
        if (from instanceof View f && to instanceof View t) {
            return !f.materialized() && !t.materialized() && startsWith(t.columns(), f.columns());
        } else if (from instanceof Routine f && to instanceof Routine t) {
            return f.kind() == t.kind()
                    && f.kind() != ObjectKind.AGGREGATE
                    && f.returns().equals(t.returns())
                    && f.arguments().equals(t.arguments());
        } else if (from instanceof Trigger f && to instanceof Trigger t) {
            return !f.options().containsKey("constraint") && !t.options().containsKey("constraint");
        }
        return false;
    }

    // Columns as the catalogue derives them; with none known (a view read from HCL) nothing can be kept.
    private boolean startsWith(List<Column> columns, List<Column> prefix) {
        if (prefix.isEmpty() || columns.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            Column a = prefix.get(i);
            Column b = columns.get(i);
            if (!a.name().equals(b.name()) || !typeKey(a.type()).equals(typeKey(b.type()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String typeKey(ColumnType type) {
        ColumnType canonical = PostgresTypes.canonical(type);
        return canonical instanceof ColumnType.Named
                ? canonical.sql()
                : PostgresTypes.fromCatalog(type.sql().trim().toLowerCase(Locale.ROOT))
                        .sql();
    }

    @Override
    public String defaultKey(DefaultValue value) {
        // PostgreSQL keeps a numeric's scale (1.50) and prints +5 as (+ 5); HCL writes 1.5 and 5. A quoted string
        // is never taken for a number, so '1.50' and '1.5' of a text column still differ.
        String key = PostgresExpressions.key(value.sql());
        return NumericLiterals.key(key).orElse(key);
    }

    @Override
    public String expressionKey(String sql) {
        return PostgresExpressions.key(sql);
    }
}
