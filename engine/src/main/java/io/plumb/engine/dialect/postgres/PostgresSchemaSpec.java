package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
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
 * PostgreSQL's types and attributes, its {@code enum} blocks, and identity and index options brought to the form
 * inspection reports them in.
 */
public final class PostgresSchemaSpec implements SchemaSpec {

    /** Creates the PostgreSQL spec. */
    public PostgresSchemaSpec() {}

    // The dialect knows the enum types of the document or realm at hand, so reader and writer are made per call.
    @Override
    public Realm read(Document document) {
        return read(document, new Realm(List.of()));
    }

    @Override
    public Realm read(Document document, Realm known) {
        List<EnumSpec.Decl> decls = EnumSpec.read(document);
        PostgresEnums enums = PostgresEnums.none();
        decls.forEach(d -> enums.add(d.schema(), d.name()));
        TypeObjectSpec.declare(document, enums);
        PostgresSpecDialect dialect = new PostgresSpecDialect(enums);
        ChildTableSpec children = ChildTableSpec.strip(document);
        Map<io.plumb.engine.hcl.Resource, Map<String, String>> keys = new java.util.HashMap<>();
        Document plain = PartitionKeys.strip(children.document(), keys);
        Realm realm = PartitionKeys.attach(children.attach(new SpecReader(dialect).read(plain, known)), keys);
        realm = EnumSpec.attach(
                realm.withSchemas(realm.schemas().stream()
                        .map(PostgresSchemaSpec::normalize)
                        .toList()),
                decls);
        return PostgresObjectSpec.read(document, dialect, TypeObjectSpec.attach(realm, document, dialect));
    }

    @Override
    public String write(Realm realm) {
        PostgresSpecDialect dialect = new PostgresSpecDialect(PostgresEnums.of(realm));
        List<String> blocks = new java.util.ArrayList<>(EnumSpec.write(realm));
        // Types, sequences, policies and extensions, then views, routines and triggers: the reader's kind order.
        blocks.addAll(TypeObjectSpec.write(realm, dialect));
        blocks.addAll(PostgresObjectSpec.write(dialect, realm));
        Realm written = ChildTableSpec.forWriting(realm);
        written = written.withSchemas(written.schemas().stream()
                .map(s -> s.withTables(
                        s.tables().stream().map(PartitionKeys::forWriting).toList()))
                .toList());
        return new SpecWriter(dialect).write(written, blocks);
    }

    private static Schema normalize(Schema schema) {
        List<Table> tables = schema.tables().stream()
                .map(PostgresSchemaSpec::normalizePartition)
                .map(t -> t.withIndexes(t.indexes().stream()
                                .map(PostgresSchemaSpec::normalize)
                                .toList())
                        .withColumns(t.columns().stream()
                                .map(PostgresSchemaSpec::normalize)
                                .toList()))
                .toList();
        return schema.withTables(tables);
    }

    private static Table normalizePartition(Table table) {
        String type = table.options().get(Partition.TYPE);
        Map<String, String> options = new LinkedHashMap<>(table.options());
        RowSecurity.normalize(options);
        if (type != null) {
            options.put(Partition.TYPE, type.toUpperCase(Locale.ROOT));
        }
        if (options.equals(table.options())) {
            return table;
        }
        return new Table(
                table.name(),
                table.columns(),
                table.primaryKey(),
                table.indexes(),
                table.foreignKeys(),
                table.checks(),
                table.comment(),
                options);
    }

    /** Brings an identity's options to their inspected form: {@code BY_DEFAULT} spelling, a start or step of 1 left out. */
    static Column normalize(Column column) {
        if (!Identity.isIdentity(column)) {
            return column;
        }
        Map<String, String> options = new LinkedHashMap<>(column.options());
        String generated = options.getOrDefault(Identity.GENERATED, "BY_DEFAULT")
                .toUpperCase(Locale.ROOT)
                .replace(' ', '_');
        options.putAll(Identity.options(
                generated, options.getOrDefault(Identity.START, "1"), options.getOrDefault(Identity.INCREMENT, "1")));
        if ("1".equals(options.get(Identity.START))) {
            options.remove(Identity.START);
        }
        if ("1".equals(options.get(Identity.INCREMENT))) {
            options.remove(Identity.INCREMENT);
        }
        return column.withOptions(options);
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
        List<IndexPart> parts =
                index.parts().stream().map(PostgresSchemaSpec::normalize).toList();
        return new Index(index.name(), index.unique(), parts, index.where(), index.comment(), options);
    }

    // NULLS LAST is the default of an ascending part, NULLS FIRST of a descending one: inspection leaves them out.
    private static IndexPart normalize(IndexPart part) {
        Map<String, String> options = new LinkedHashMap<>(part.options());
        options.remove(part.desc() ? PostgresSpecDialect.NULLS_FIRST : PostgresSpecDialect.NULLS_LAST);
        return new IndexPart(part.value(), part.isExpression(), part.desc(), options);
    }
}
