package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.SchemaSpec;
import io.plumb.engine.spec.SpecReader;
import io.plumb.engine.spec.SpecWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code PostgresSchemaSpec} is PostgreSQL's HCL schema language: the shared reader and writer with
 * PostgreSQL's types and attributes, and index options brought to the form inspection reports them in.
 */
public final class PostgresSchemaSpec implements SchemaSpec {

    private final SpecReader reader;
    private final SpecWriter writer;

    /** Creates the PostgreSQL spec. */
    public PostgresSchemaSpec() {
        PostgresSpecDialect dialect = new PostgresSpecDialect();
        this.reader = new SpecReader(dialect);
        this.writer = new SpecWriter(dialect);
    }

    @Override
    public Realm read(Document document) {
        Realm realm = reader.read(document);
        return new Realm(
                realm.schemas().stream().map(PostgresSchemaSpec::normalize).toList());
    }

    @Override
    public String write(Realm realm) {
        return writer.write(realm);
    }

    private static Schema normalize(Schema schema) {
        List<Table> tables = schema.tables().stream()
                .map(t -> t.withIndexes(
                        t.indexes().stream().map(PostgresSchemaSpec::normalize).toList()))
                .toList();
        return schema.withTables(tables);
    }

    /**
     * Brings an index's options to their inspected form: the access method upper-case and absent when it is the
     * default {@code BTREE}, {@code nulls_distinct} absent when it is the default {@code true}.
     */
    static Index normalize(Index index) {
        Map<String, String> options = new LinkedHashMap<>(index.options());
        String type = options.remove(PostgresSpecDialect.TYPE);
        if (type != null && !type.equalsIgnoreCase("btree")) {
            options.put(PostgresSpecDialect.TYPE, type.toUpperCase(Locale.ROOT));
        }
        if ("true".equals(options.get(PostgresSpecDialect.NULLS_DISTINCT))) {
            options.remove(PostgresSpecDialect.NULLS_DISTINCT);
        }
        return new Index(index.name(), index.unique(), index.parts(), index.where(), index.comment(), options);
    }
}
