package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.spec.SchemaSpec;
import io.plumb.engine.spec.SpecReader;
import io.plumb.engine.spec.SpecWriter;

/**
 * The {@code SqliteSchemaSpec} is SQLite's HCL schema language: the shared reader and writer with SQLite's types,
 * its {@code main} schema and its table, column and index attributes.
 */
public final class SqliteSchemaSpec implements SchemaSpec {

    private final SpecReader reader;
    private final SpecWriter writer;

    /** Creates the SQLite spec. */
    public SqliteSchemaSpec() {
        SqliteSpecDialect dialect = new SqliteSpecDialect();
        this.reader = new SpecReader(dialect);
        this.writer = new SpecWriter(dialect);
    }

    @Override
    public Realm read(Document document) {
        return reader.read(document);
    }

    @Override
    public String write(Realm realm) {
        return writer.write(realm);
    }
}
