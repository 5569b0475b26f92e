package io.plumb.engine.dialect.postgres;

import io.plumb.engine.plan.ObjectDdl;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.CompositeType;
import io.plumb.engine.schema.Domain;
import io.plumb.engine.schema.Extension;
import io.plumb.engine.schema.Policy;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Sequence;
import java.util.List;

/**
 * The {@code TypeObjectDdl} writes PostgreSQL's statements for sequences, domains, composite types, extensions and
 * policies, by kind; other kinds are another {@link ObjectDdl}'s, and this one refuses them.
 */
final class TypeObjectDdl implements ObjectDdl {

    private final PostgresDdl ddl;
    private final PostgresNormalizer normalizer = new PostgresNormalizer();

    TypeObjectDdl(PostgresDdl ddl) {
        this.ddl = ddl;
    }

    /** Returns whether this DDL writes the object's kind. */
    static boolean handles(SchemaObject object) {
        return object instanceof Sequence
                || object instanceof Domain
                || object instanceof CompositeType
                || object instanceof Extension
                || object instanceof Policy;
    }

    @Override
    public List<PlannedChange> create(String schema, SchemaObject object) {
        if (object instanceof Sequence s) {
            return SequenceDdl.create(ddl, schema, s);
        } else if (object instanceof Domain d) {
            return DomainDdl.create(ddl, schema, d);
        } else if (object instanceof CompositeType c) {
            return CompositeDdl.create(ddl, schema, c);
        } else if (object instanceof Extension e) {
            return ExtensionObjects.create(ddl, e);
        } else if (object instanceof Policy p) {
            return PolicyObjects.create(ddl, schema, p);
        }
        throw ObjectDdl.unsupported("postgres", object);
    }

    @Override
    public List<PlannedChange> drop(String schema, SchemaObject object) {
        if (object instanceof Sequence s) {
            return SequenceDdl.drop(ddl, schema, s);
        } else if (object instanceof Domain d) {
            return DomainDdl.drop(ddl, schema, d);
        } else if (object instanceof CompositeType c) {
            return CompositeDdl.drop(ddl, schema, c);
        } else if (object instanceof Extension e) {
            return ExtensionObjects.drop(e);
        } else if (object instanceof Policy p) {
            return PolicyObjects.drop(ddl, schema, p);
        }
        throw ObjectDdl.unsupported("postgres", object);
    }

    @Override
    public List<PlannedChange> replace(String schema, SchemaObject from, SchemaObject to) {
        if (from instanceof Sequence a && to instanceof Sequence b) {
            return SequenceDdl.replace(ddl, schema, a, b);
        } else if (from instanceof Domain a && to instanceof Domain b) {
            return DomainDdl.replace(ddl, normalizer, schema, a, b);
        } else if (from instanceof CompositeType a && to instanceof CompositeType b) {
            return CompositeDdl.replace(ddl, schema, a, b);
        } else if (from instanceof Extension a && to instanceof Extension b) {
            return ExtensionObjects.replace(ddl, a, b);
        } else if (from instanceof Policy a && to instanceof Policy b) {
            return PolicyObjects.replace(ddl, schema, a, b);
        }
        throw ObjectDdl.unsupported("postgres", to);
    }

    /** Returns whether the database can change {@code from} into {@code to} in place. */
    static boolean replaceable(SchemaObject from, SchemaObject to) {
        if (from instanceof Domain a && to instanceof Domain b) {
            return DomainDdl.replaceable(a, b);
        } else if (from instanceof CompositeType a && to instanceof CompositeType b) {
            return CompositeDdl.replaceable(a, b);
        } else if (from instanceof Policy a && to instanceof Policy b) {
            return PolicyObjects.replaceable(a, b);
        }
        return from instanceof Sequence || from instanceof Extension;
    }

    /** Returns whether two descriptions of one object are the same, comparing expressions by their keys. */
    static boolean same(PostgresNormalizer normalizer, SchemaObject from, SchemaObject to) {
        if (from instanceof Extension a && to instanceof Extension b) {
            return ExtensionObjects.same(a, b);
        } else if (from instanceof Domain a && to instanceof Domain b) {
            return a.type().equals(b.type())
                    && a.nullable() == b.nullable()
                    && a.comment().equals(b.comment())
                    && DomainDdl.sameDefault(normalizer, a, b)
                    && a.checks().size() == b.checks().size()
                    && a.checks().stream()
                            .allMatch(c -> b.checks().stream().anyMatch(d -> DomainDdl.sameCheck(normalizer, c, d)));
        } else if (from instanceof Policy a && to instanceof Policy b) {
            return a.command().equals(b.command())
                    && a.permissive() == b.permissive()
                    && a.roles().equals(b.roles())
                    && a.comment().equals(b.comment())
                    && a.using().map(normalizer::expressionKey).equals(b.using().map(normalizer::expressionKey))
                    && a.check().map(normalizer::expressionKey).equals(b.check().map(normalizer::expressionKey));
        }
        return io.plumb.engine.diff.ObjectTexts.comparable(from)
                .equals(io.plumb.engine.diff.ObjectTexts.comparable(to));
    }
}
