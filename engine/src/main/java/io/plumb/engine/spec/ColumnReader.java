package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Generated;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@code ColumnReader} reads {@code column} blocks for the {@link TableReader}. */
final class ColumnReader {

    /**
     * The reference reads {@code unsigned} as an attribute of the column's type in every dialect, and only MySQL's
     * integer types take it; elsewhere (SQLite, PostgreSQL: neither has unsigned integers) it is accepted, must be a
     * bool, and has no effect.
     */
    static final String UNSIGNED = "unsigned";

    private final SpecDialect dialect;
    private final SpecVocabulary vocabulary;
    private final Set<String> blocks = new HashSet<>();

    ColumnReader(SpecDialect dialect, SpecVocabulary vocabulary) {
        this.dialect = dialect;
        this.vocabulary = vocabulary;
        blocks.add("as");
        dialect.columnBlocks().forEach(b -> blocks.add(b.type()));
    }

    /** Reads one column block of the given table. */
    Column read(Resource resource, TableDecl table) {
        String name = SpecBlock.label(resource, table.owner());
        String owner = "column \"" + name + "\" of " + table.owner();
        SpecBlock block = SpecBlock.of(resource, owner, vocabulary.columnNames(), blocks);
        ColumnType type = dialect.readType(block.required("type"), owner);
        boolean nullable = block.bool("null");
        Optional<DefaultValue> defaultValue =
                block.attribute("default").map(a -> DefaultValueSpec.read(a, owner, type));
        Optional<Generated> generated = generated(block);
        Map<String, String> options = block.options(vocabulary.columnAttributes());
        if (vocabulary.columnAttributes().stream().noneMatch(a -> a.name().equals(UNSIGNED))) {
            block.bool(UNSIGNED);
        }
        Optional<String> comment = Optional.ofNullable(options.remove(SpecAttribute.COMMENT));
        boolean autoIncrement = options.remove(SpecAttribute.AUTO_INCREMENT) != null;
        for (SpecNestedBlock nested : dialect.columnBlocks()) {
            block.block(nested.type()).ifPresent(r -> options.putAll(nested.read(r, owner)));
        }
        return new Column(name, type, nullable, defaultValue, generated, autoIncrement, comment, options);
    }

    private Optional<Generated> generated(SpecBlock column) {
        Optional<Attribute> attribute = column.attribute("as");
        Optional<Resource> resource = column.block("as");
        if (attribute.isPresent() && resource.isPresent()) {
            throw new HclException(
                    resource.get().pos(), column.owner() + ": \"as\" is set both as an attribute and as a block");
        }
        if (attribute.isPresent()) {
            String expr = column.string("as").orElseThrow();
            return Optional.of(new Generated(expr, dialect.defaultGeneratedKind()));
        }
        return resource.map(r -> generatedBlock(r, column.owner()));
    }

    private Generated generatedBlock(Resource resource, String column) {
        String owner = "\"as\" block of " + column;
        SpecBlock block = SpecBlock.of(resource, owner, Set.of("expr", "type"), Set.of());
        String expr =
                block.string("expr").orElseThrow(() -> new HclException(resource.pos(), owner + ": missing expr"));
        Optional<Attribute> type = block.attribute("type");
        if (type.isEmpty()) {
            return new Generated(expr, dialect.defaultGeneratedKind());
        }
        if (!(type.get().value() instanceof Value.Ident ident)) {
            throw block.expected(type.get(), "an identifier");
        }
        if (!dialect.generatedKinds().contains(ident.name())) {
            throw new HclException(
                    type.get().pos(),
                    owner + ": unknown type \"" + ident.name() + "\", expected one of "
                            + String.join(", ", dialect.generatedKinds()));
        }
        return new Generated(expr, ident.name());
    }
}
