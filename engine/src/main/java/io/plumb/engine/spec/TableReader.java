package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.KeyDeferral;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A {@code TableReader} reads one {@code table} block, whose name and schema are already known, into a table. */
final class TableReader {

    private static final Set<String> BLOCKS = Set.of("column", "primary_key", "index", "foreign_key", "check");
    private static final Set<String> FOREIGN_KEY = Set.of("columns", "ref_columns", "on_update", "on_delete");
    private static final String DEFERRABLE = "deferrable";

    private final SpecDialect dialect;
    private final SpecVocabulary vocabulary;
    private final TableDecl table;
    private final SpecReferences references;
    private final IndexReader indexes;
    private final Set<String> blocks = new HashSet<>(BLOCKS);

    TableReader(SpecDialect dialect, SpecVocabulary vocabulary, TableDecl table, SpecReferences references) {
        this.dialect = dialect;
        this.vocabulary = vocabulary;
        this.table = table;
        this.references = references;
        this.indexes = new IndexReader(vocabulary, dialect, table, references);
        if (dialect.uniqueConstraints()) {
            blocks.add("unique");
        }
        if (dialect.exclusionConstraints()) {
            blocks.add("exclude");
        }
        dialect.tableBlocks().forEach(b -> blocks.add(b.type()));
    }

    Table read() {
        SpecBlock block = SpecBlock.of(table.resource(), table.owner(), vocabulary.tableNames(), blocks);
        Map<String, String> options = block.options(vocabulary.tableAttributes());
        for (SpecNestedBlock nested : dialect.tableBlocks()) {
            Optional<Resource> resource = block.block(nested.type());
            if (resource.isPresent()) {
                options.putAll(nested.read(resource.get(), table.owner()));
                checkColumns(nested, resource.get(), options);
            }
        }
        Optional<String> comment = Optional.ofNullable(options.remove(SpecAttribute.COMMENT));
        List<Column> columns = columns(block);
        Optional<PrimaryKey> primaryKey = block.block("primary_key").map(indexes::primaryKey);
        List<Index> indexList = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        List<Resource> indexBlocks = new ArrayList<>(block.blocks("index"));
        indexBlocks.addAll(block.blocks("unique"));
        indexBlocks.addAll(block.blocks("exclude"));
        for (Resource resource : indexBlocks) {
            Index index =
                    switch (resource.type()) {
                        case "unique" -> indexes.uniqueConstraint(resource);
                        case "exclude" -> indexes.exclusionConstraint(resource);
                        default -> indexes.index(resource);
                    };
            if (!indexNames.add(index.name())) {
                throw new HclException(
                        resource.pos(), "index \"" + index.name() + "\" of " + table.owner() + ": declared twice");
            }
            indexList.add(index);
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (Resource resource : block.blocks("foreign_key")) {
            foreignKeys.add(foreignKey(resource));
        }
        List<Check> checks = new ArrayList<>();
        for (Resource resource : block.blocks("check")) {
            checks.add(check(resource));
        }
        return new Table(table.name(), columns, primaryKey, indexList, foreignKeys, checks, comment, options);
    }

    private void checkColumns(SpecNestedBlock nested, Resource resource, Map<String, String> options) {
        for (SpecAttribute attribute : nested.others()) {
            String names = options.get(nested.key(attribute));
            if (attribute.kind() == SpecAttribute.Kind.COLUMNS && names != null) {
                for (String name : names.split(",")) {
                    if (!table.columns().contains(name)) {
                        throw new HclException(
                                resource.attribute(attribute.name())
                                        .orElseThrow()
                                        .pos(),
                                "\"" + nested.type() + "\" block of " + table.owner() + ": column \"" + name
                                        + "\" not found in table \"" + table.name() + "\"");
                    }
                }
            }
        }
    }

    private List<Column> columns(SpecBlock block) {
        ColumnReader reader = new ColumnReader(dialect, vocabulary);
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Resource resource : block.blocks("column")) {
            Column column = reader.read(resource, table);
            if (!names.add(column.name())) {
                throw new HclException(
                        resource.pos(), "column \"" + column.name() + "\" of " + table.owner() + ": declared twice");
            }
            columns.add(column);
        }
        return columns;
    }

    private ForeignKey foreignKey(Resource resource) {
        String name = SpecBlock.optionalLabel(resource, table.owner());
        String owner = (name.isEmpty() ? "foreign key" : "foreign key \"" + name + "\"") + " of " + table.owner();
        Set<String> attributes = new HashSet<>(FOREIGN_KEY);
        if (dialect.supportsDeferrableKeys()) {
            attributes.add(DEFERRABLE);
        }
        SpecBlock block = SpecBlock.of(resource, owner, attributes, Set.of());
        List<String> columns = indexes.columnList(block, block.required("columns"));
        if (columns.isEmpty()) {
            throw new HclException(block.required("columns").pos(), owner + ": expected at least one column");
        }
        Attribute refAttribute = block.required("ref_columns");
        if (!(refAttribute.value() instanceof Value.ListValue refList)) {
            throw block.expected(refAttribute, "a list of column references");
        }
        List<String> refColumns = new ArrayList<>(refList.elements().size());
        @Nullable TableDecl target = null;
        boolean oneTable = true;
        for (Value element : refList.elements()) {
            ColumnRef ref = references.column(refAttribute, element, table, owner);
            oneTable &= target == null || target.equals(ref.table());
            target = ref.table();
            refColumns.add(ref.column());
        }
        if (!oneTable) {
            throw new HclException(
                    refAttribute.pos(), "attribute \"ref_columns\" of " + owner + ": expected columns of one table");
        }
        if (refColumns.size() != columns.size() || target == null) {
            throw new HclException(
                    refAttribute.pos(),
                    owner + ": expected as many ref_columns as columns, found " + refColumns.size() + " and "
                            + columns.size());
        }
        return new ForeignKey(
                name,
                columns,
                target.schema(),
                target.name(),
                refColumns,
                action(block, "on_update"),
                action(block, "on_delete"),
                deferral(block));
    }

    /** Reads {@code deferrable}: an identifier as the reference writes it ({@code INITIALLY_DEFERRED}). */
    private static KeyDeferral deferral(SpecBlock block) {
        Optional<Attribute> attribute = block.attribute(DEFERRABLE);
        if (attribute.isEmpty()) {
            return KeyDeferral.NOT_DEFERRABLE;
        }
        Optional<KeyDeferral> deferral = attribute.get().value() instanceof Value.Ident ident
                ? KeyDeferral.parse(ident.name())
                : Optional.empty();
        return deferral.orElseThrow(() -> new HclException(
                attribute.get().pos(),
                "attribute \"" + DEFERRABLE + "\" of " + block.owner() + ": expected one of "
                        + Arrays.stream(KeyDeferral.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + ", found " + attribute.get().value().kind()));
    }

    /**
     * Reads a foreign key action: an identifier ({@code SET_NULL}) as the reference writes it, or a string in SQL's
     * spelling or the identifier's ({@code "SET NULL"}, {@code "CASCADE"}), which the reference reads too.
     */
    private ReferenceAction action(SpecBlock block, String name) {
        Optional<Attribute> attribute = block.attribute(name);
        if (attribute.isEmpty()) {
            return dialect.defaultAction();
        }
        String text;
        if (attribute.get().value() instanceof Value.Ident ident) {
            text = ident.name();
        } else if (attribute.get().value() instanceof Value.Str str) {
            text = str.value();
        } else {
            throw block.expected(attribute.get(), "an identifier");
        }
        Optional<ReferenceAction> action = attribute.get().value() instanceof Value.Ident
                ? Arrays.stream(ReferenceAction.values())
                        .filter(a -> a.name().equals(text))
                        .findFirst()
                : ReferenceAction.parse(text);
        return action.orElseThrow(() -> new HclException(
                attribute.get().pos(),
                "attribute \"" + name + "\" of " + block.owner() + ": unknown action \"" + text
                        + "\", expected one of "
                        + Arrays.stream(ReferenceAction.values())
                                .map(Enum::name)
                                .collect(Collectors.joining(", "))));
    }

    private Check check(Resource resource) {
        String name = SpecBlock.optionalLabel(resource, table.owner());
        String owner = (name.isEmpty() ? "check" : "check \"" + name + "\"") + " of " + table.owner();
        List<SpecAttribute> extras = dialect.checkAttributes();
        SpecBlock block = SpecBlock.of(resource, owner, SpecBlock.names(extras, "expr"), Set.of());
        String expr =
                block.string("expr").orElseThrow(() -> new HclException(resource.pos(), owner + ": missing expr"));
        return new Check(name, expr, block.options(extras));
    }
}
