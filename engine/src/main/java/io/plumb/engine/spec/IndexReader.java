package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code IndexReader} reads {@code index} and {@code primary_key} blocks for the {@link TableReader}: their parts
 * come either from {@code columns = [...]} or from {@code on} blocks, never both.
 */
final class IndexReader {

    private static final Set<String> ON = Set.of("on");

    private final SpecVocabulary vocabulary;
    private final SpecDialect dialect;
    private final TableDecl table;
    private final SpecReferences references;

    IndexReader(SpecVocabulary vocabulary, SpecDialect dialect, TableDecl table, SpecReferences references) {
        this.vocabulary = vocabulary;
        this.dialect = dialect;
        this.table = table;
        this.references = references;
    }

    Index index(Resource resource) {
        String name = SpecBlock.label(resource, table.owner());
        String owner = "index \"" + name + "\" of " + table.owner();
        SpecBlock block = SpecBlock.of(resource, owner, vocabulary.indexNames(), ON);
        boolean unique = block.bool("unique");
        List<IndexPart> parts = parts(block);
        Map<String, String> options = options(block, vocabulary.indexAttributes());
        Optional<String> comment = Optional.ofNullable(options.remove(SpecAttribute.COMMENT));
        Optional<String> where = Optional.ofNullable(options.remove(SpecAttribute.WHERE));
        Index index = new Index(name, unique, parts, where, comment, options);
        dialect.checkIndex(block, index);
        return index;
    }

    /** Reads a {@code unique} block: a UNIQUE constraint, kept as a unique index marked as a constraint. */
    Index uniqueConstraint(Resource resource) {
        return constraint(
                resource,
                "unique constraint",
                dialect.uniqueAttributes(),
                Set.of("columns"),
                SpecAttribute.UNIQUE_CONSTRAINT,
                true);
    }

    /**
     * Reads an {@code exclude} block: an exclusion constraint, kept as an index marked as one, whose parts come from
     * {@code on} blocks that each name the operator ({@code op}) the constraint compares that part with.
     */
    Index exclusionConstraint(Resource resource) {
        return constraint(
                resource,
                "exclude constraint",
                dialect.excludeAttributes(),
                Set.of(),
                SpecAttribute.EXCLUDE_CONSTRAINT,
                false);
    }

    // A table constraint block read as an index carrying the marker option.
    private Index constraint(
            Resource resource,
            String kind,
            List<SpecAttribute> extras,
            Set<String> more,
            String marker,
            boolean unique) {
        String name = SpecBlock.label(resource, table.owner());
        String owner = kind + " \"" + name + "\" of " + table.owner();
        SpecBlock block = SpecBlock.of(resource, owner, SpecBlock.names(extras, more.toArray(String[]::new)), ON);
        List<IndexPart> parts = parts(block);
        Map<String, String> options = new LinkedHashMap<>(options(block, extras));
        Optional<String> comment = Optional.ofNullable(options.remove(SpecAttribute.COMMENT));
        Optional<String> where = Optional.ofNullable(options.remove(SpecAttribute.WHERE));
        options.put(marker, "true");
        Index index = new Index(name, unique, parts, where, comment, options);
        dialect.checkIndex(block, index);
        return index;
    }

    PrimaryKey primaryKey(Resource resource) {
        String owner = "primary key of " + table.owner();
        String name = SpecBlock.optionalLabel(resource, table.owner());
        List<SpecAttribute> extras = dialect.primaryKeyAttributes();
        SpecBlock block = SpecBlock.of(resource, owner, SpecBlock.names(extras, "columns"), ON);
        List<IndexPart> parts = parts(block);
        // A dialect that does not keep key names (SQLite) accepts a label but drops it, as inspection has none.
        PrimaryKey key = new PrimaryKey(dialect.namesPrimaryKey() ? name : "", parts, options(block, extras));
        dialect.checkPrimaryKey(block, key);
        return key;
    }

    /** Reads a block's extra attributes; those listing columns must name columns of this table. */
    private Map<String, String> options(SpecBlock block, List<SpecAttribute> extras) {
        Map<String, String> options = block.options(extras);
        for (SpecAttribute attribute : extras) {
            if (attribute.kind() == SpecAttribute.Kind.COLUMNS) {
                block.attribute(attribute.name()).ifPresent(a -> {
                    if (columnList(block, a).isEmpty()) {
                        throw new HclException(
                                a.pos(),
                                "attribute \"" + a.name() + "\" of " + block.owner()
                                        + ": expected at least one column reference");
                    }
                });
            }
        }
        return options;
    }

    private List<IndexPart> parts(SpecBlock block) {
        Optional<Attribute> columns = block.attribute("columns");
        List<Resource> on = block.blocks("on");
        if (columns.isPresent() && !on.isEmpty()) {
            throw new HclException(
                    columns.get().pos(), "multiple definitions for " + block.owner() + ", use \"columns\" or \"on\"");
        }
        if (columns.isPresent()) {
            List<String> names = columnList(block, columns.get());
            // Caught here at its position, not by the dev database as "PRIMARY KEY ()": a syntax error in our SQL.
            if (names.isEmpty()) {
                throw new HclException(columns.get().pos(), block.owner() + ": expected at least one column");
            }
            List<IndexPart> parts = new ArrayList<>(names.size());
            for (String name : names) {
                parts.add(IndexPart.column(name));
            }
            return parts;
        }
        if (on.isEmpty()) {
            throw new HclException(block.pos(), "missing definition for " + block.owner());
        }
        List<IndexPart> parts = new ArrayList<>();
        for (Resource part : on) {
            parts.add(part(part, "part " + (parts.size() + 1) + " of " + block.owner()));
        }
        return parts;
    }

    /** Reads a list of references to columns of this table, such as {@code columns = [column.a, column.b]}. */
    List<String> columnList(SpecBlock block, Attribute attribute) {
        if (!(attribute.value() instanceof Value.ListValue list)) {
            throw block.expected(attribute, "a list of column references");
        }
        List<String> names = new ArrayList<>(list.elements().size());
        for (Value element : list.elements()) {
            names.add(references.localColumn(attribute, element, table, block.owner()));
        }
        return names;
    }

    private IndexPart part(Resource resource, String owner) {
        SpecBlock block = SpecBlock.of(resource, owner, vocabulary.indexPartNames(), Set.of());
        Optional<Attribute> column = block.attribute("column");
        Optional<String> expr = block.string("expr");
        if (column.isPresent() && expr.isPresent()) {
            throw new HclException(resource.pos(), owner + ": \"column\" and \"expr\" are mutually exclusive");
        }
        boolean desc = block.bool("desc");
        Map<String, String> options = block.options(vocabulary.indexPartAttributes());
        if (column.isPresent()) {
            String name = references.localColumn(column.get(), column.get().value(), table, owner);
            return new IndexPart(name, false, desc, options);
        }
        String sql = expr.orElseThrow(() -> new HclException(resource.pos(), owner + ": missing column or expr"));
        return new IndexPart(sql, true, desc, options);
    }
}
