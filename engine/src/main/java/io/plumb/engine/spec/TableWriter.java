package io.plumb.engine.spec;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.KeyDeferral;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@code TableWriter} builds the HCL block of one table for the {@link SpecWriter}. */
final class TableWriter {

    private final SpecDialect dialect;
    private final String schema;
    private final Table table;
    private final Set<String> qualified;

    TableWriter(SpecDialect dialect, String schema, Table table, Set<String> qualified) {
        this.dialect = dialect;
        this.schema = schema;
        this.table = table;
        this.qualified = qualified;
    }

    HclItem.Block block() {
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("schema", HclSyntax.ref(List.of("schema", schema))));
        Map<String, String> core = new HashMap<>();
        table.comment().ifPresent(c -> core.put(SpecAttribute.COMMENT, HclSyntax.quote(c)));
        body.addAll(SpecWriter.extras(dialect.tableAttributes(), table.options(), core));
        table.columns().forEach(column -> body.add(column(column)));
        table.primaryKey().ifPresent(pk -> body.add(primaryKey(pk)));
        table.foreignKeys().forEach(fk -> body.add(foreignKey(fk)));
        table.indexes().stream()
                .filter(i -> !SpecAttribute.isUniqueConstraint(i) && !SpecAttribute.isExclusionConstraint(i))
                .forEach(index -> body.add(index(index)));
        table.checks().forEach(check -> body.add(check(check)));
        // As the reference tool writes its dialect blocks: after the shared ones.
        table.indexes().stream().filter(SpecAttribute::isUniqueConstraint).forEach(index -> body.add(unique(index)));
        table.indexes().stream()
                .filter(SpecAttribute::isExclusionConstraint)
                .forEach(index -> body.add(exclude(index)));
        for (SpecNestedBlock nested : dialect.tableBlocks()) {
            String main = table.options().get(nested.type());
            if (main != null) {
                body.add(nested(nested, main, table.options()));
            }
        }
        body.addAll(dialect.extraTableBlocks(table));
        List<String> labels = qualified.contains(table.name()) ? List.of(schema, table.name()) : List.of(table.name());
        return new HclItem.Block("table", labels, body);
    }

    private HclItem column(Column column) {
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("null", Boolean.toString(column.nullable())));
        body.add(new HclItem.Attr("type", dialect.writeType(column.type(), schema)));
        column.defaultValue()
                .ifPresent(
                        d -> body.add(new HclItem.Attr("default", DefaultValueSpec.write(d, column.type(), dialect))));
        Map<String, String> core = new HashMap<>();
        column.comment().ifPresent(c -> core.put(SpecAttribute.COMMENT, HclSyntax.quote(c)));
        if (column.autoIncrement()) {
            core.put(SpecAttribute.AUTO_INCREMENT, "true");
        }
        body.addAll(SpecWriter.extras(dialect.columnAttributes(), column.options(), core));
        for (SpecNestedBlock nested : dialect.columnBlocks()) {
            String main = column.options().get(nested.type());
            if (main != null) {
                body.add(nested(nested, main, column.options()));
            }
        }
        column.generated()
                .ifPresent(g -> body.add(new HclItem.Block(
                        "as",
                        List.of(),
                        List.of(
                                new HclItem.Attr("expr", HclSyntax.quote(g.expr())),
                                new HclItem.Attr("type", g.kind())))));
        return new HclItem.Block("column", List.of(column.name()), body);
    }

    private static HclItem nested(SpecNestedBlock nested, String main, Map<String, String> options) {
        Map<String, String> values = new HashMap<>();
        values.put(nested.main().name(), main);
        for (SpecAttribute attribute : nested.others()) {
            String value = options.get(nested.key(attribute));
            if (value != null) {
                values.put(attribute.name(), value);
            }
        }
        List<SpecAttribute> attributes = new ArrayList<>(nested.others());
        attributes.add(0, nested.main());
        return new HclItem.Block(nested.type(), List.of(), SpecWriter.extras(attributes, values, Map.of()));
    }

    private HclItem primaryKey(PrimaryKey pk) {
        List<String> labels = dialect.namesPrimaryKey() && !pk.name().isEmpty() ? List.of(pk.name()) : List.of();
        List<HclItem> body = new ArrayList<>();
        if (isPlain(pk.parts())) {
            body.add(columns("columns", pk.parts()));
        } else {
            pk.parts().forEach(part -> body.add(part(part)));
        }
        body.addAll(SpecWriter.extras(dialect.primaryKeyAttributes(), pk.options(), Map.of()));
        return new HclItem.Block("primary_key", labels, body);
    }

    private HclItem index(Index index) {
        List<HclItem> body = new ArrayList<>();
        if (index.unique()) {
            body.add(new HclItem.Attr("unique", "true"));
        }
        boolean plain = isPlain(index.parts());
        if (plain) {
            body.add(columns("columns", index.parts()));
        }
        Map<String, String> core = new HashMap<>();
        index.comment().ifPresent(c -> core.put(SpecAttribute.COMMENT, HclSyntax.quote(c)));
        index.where().ifPresent(w -> core.put(SpecAttribute.WHERE, HclSyntax.quote(w)));
        body.addAll(SpecWriter.extras(dialect.indexAttributes(), index.options(), core));
        if (!plain) {
            index.parts().forEach(part -> body.add(part(part)));
        }
        return new HclItem.Block("index", List.of(index.name()), body);
    }

    private HclItem unique(Index index) {
        List<HclItem> body = new ArrayList<>();
        if (isPlain(index.parts())) {
            body.add(columns("columns", index.parts()));
        }
        Map<String, String> core = new HashMap<>();
        index.comment().ifPresent(c -> core.put(SpecAttribute.COMMENT, HclSyntax.quote(c)));
        body.addAll(SpecWriter.extras(dialect.uniqueAttributes(), index.options(), core));
        if (!isPlain(index.parts())) {
            index.parts().forEach(part -> body.add(part(part)));
        }
        return new HclItem.Block("unique", List.of(index.name()), body);
    }

    // An exclusion constraint's parts are always on blocks: each names its operator.
    private HclItem exclude(Index index) {
        List<HclItem> body = new ArrayList<>();
        Map<String, String> core = new HashMap<>();
        index.comment().ifPresent(c -> core.put(SpecAttribute.COMMENT, HclSyntax.quote(c)));
        index.where().ifPresent(w -> core.put(SpecAttribute.WHERE, HclSyntax.quote(w)));
        body.addAll(SpecWriter.extras(dialect.excludeAttributes(), index.options(), core));
        index.parts().forEach(part -> body.add(part(part)));
        return new HclItem.Block("exclude", List.of(index.name()), body);
    }

    private static boolean isPlain(List<IndexPart> parts) {
        return parts.stream().allMatch(IndexPart::isPlainColumn);
    }

    private static HclItem columns(String name, List<IndexPart> parts) {
        return new HclItem.Attr(
                name,
                HclSyntax.list(parts.stream()
                        .map(p -> HclSyntax.ref(List.of("column", p.value())))
                        .toList()));
    }

    private HclItem part(IndexPart part) {
        List<HclItem> body = new ArrayList<>();
        if (part.desc()) {
            body.add(new HclItem.Attr("desc", "true"));
        }
        body.add(
                part.isExpression()
                        ? new HclItem.Attr("expr", HclSyntax.quote(part.value()))
                        : new HclItem.Attr("column", HclSyntax.ref(List.of("column", part.value()))));
        body.addAll(SpecWriter.extras(dialect.indexPartAttributes(), part.options(), Map.of()));
        return new HclItem.Block("on", List.of(), body);
    }

    private HclItem foreignKey(ForeignKey fk) {
        List<String> own = fk.columns().stream()
                .map(c -> HclSyntax.ref(List.of("column", c)))
                .toList();
        List<String> refs = fk.refColumns().stream().map(c -> refColumn(fk, c)).toList();
        List<HclItem> body = new ArrayList<>(List.of(
                new HclItem.Attr("columns", HclSyntax.list(own)),
                new HclItem.Attr("ref_columns", HclSyntax.list(refs)),
                new HclItem.Attr("on_update", fk.onUpdate().name()),
                new HclItem.Attr("on_delete", fk.onDelete().name())));
        if (fk.deferral() != KeyDeferral.NOT_DEFERRABLE) {
            body.add(new HclItem.Attr("deferrable", fk.deferral().name()));
        }
        return new HclItem.Block("foreign_key", fk.name().isEmpty() ? List.of() : List.of(fk.name()), body);
    }

    private String refColumn(ForeignKey fk, String column) {
        if (fk.refSchema().equals(schema) && fk.refTable().equals(table.name())) {
            return HclSyntax.ref(List.of("column", column));
        }
        return qualified.contains(fk.refTable())
                ? HclSyntax.ref(List.of("table", fk.refSchema(), fk.refTable(), "column", column))
                : HclSyntax.ref(List.of("table", fk.refTable(), "column", column));
    }

    private HclItem check(Check check) {
        List<String> labels = check.name().isEmpty() ? List.of() : List.of(check.name());
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("expr", HclSyntax.quote(check.expr())));
        body.addAll(SpecWriter.extras(dialect.checkAttributes(), check.options(), Map.of()));
        return new HclItem.Block("check", labels, body);
    }
}
