package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Sequence;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code SequenceSpec} reads and writes {@code sequence "s" { schema = schema.public type = smallint start = 100
 * increment = 2 min_value = 1 max_value = 500 cache = 10 cycle = true owner = table.t.column.c comment = "..." }}.
 * Inspection writes {@code schema}, then only what is not a default, in that order.
 */
final class SequenceSpec {

    private static final Set<String> ATTRIBUTES = Set.of(
            "schema", "type", "start", "increment", "min_value", "max_value", "cache", "cycle", "owner", "comment");

    private SequenceSpec() {}

    /** Reads a sequence block; returns its schema and the sequence. */
    static TypeObjectSpec.Read read(Resource resource, Set<String> schemas) {
        ObjectBlock block = ObjectBlock.of(resource, ATTRIBUTES, Set.of());
        String schema = block.schema(schemas);
        String type = "bigint";
        Optional<Attribute> typeAttribute = block.attribute("type");
        if (typeAttribute.isPresent()) {
            String name = typeAttribute.get().value() instanceof Value.Ident ident ? ident.name() : "";
            type = SequenceRange.type(name);
            if (!Set.of("smallint", "integer", "bigint").contains(type)) {
                throw block.expected(typeAttribute.get(), "smallint, integer or bigint");
            }
        }
        long increment = block.number("increment").orElse(1L);
        if (increment == 0) {
            throw block.error("increment must not be zero");
        }
        Optional<String> owner = block.attribute("owner").map(a -> {
            List<String> path = block.ref(a, "table", 4);
            if (!path.get(2).equals("column")) {
                throw block.expected(a, "a column reference (table.T.column.C)");
            }
            return path.get(1) + "." + path.get(3);
        });
        String finalType = type;
        // Bounds equal to the defaults are kept as absent, as inspection reports them.
        Optional<Long> min = block.number("min_value").filter(v -> v != SequenceRange.min(finalType, increment));
        Optional<Long> max = block.number("max_value").filter(v -> v != SequenceRange.max(finalType, increment));
        long cache = block.number("cache").orElse(1L);
        if (cache < 1) {
            throw block.error("cache must be at least 1");
        }
        Sequence defaults =
                new Sequence(block.name(), type, 0, increment, min, max, cache, false, owner, Optional.empty());
        long start = block.number("start").orElse(SequenceRange.defaultStart(defaults));
        return new TypeObjectSpec.Read(
                schema,
                new Sequence(
                        block.name(),
                        type,
                        start,
                        increment,
                        min,
                        max,
                        cache,
                        block.bool("cycle").orElse(false),
                        owner,
                        block.string("comment")));
    }

    static HclItem.Block write(String schema, Sequence s) {
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("schema", HclSyntax.ref(List.of("schema", schema))));
        if (!s.type().equals("bigint")) {
            body.add(new HclItem.Attr("type", s.type()));
        }
        if (s.start() != SequenceRange.defaultStart(s)) {
            body.add(new HclItem.Attr("start", ObjectBlock.number(s.start())));
        }
        if (s.increment() != 1) {
            body.add(new HclItem.Attr("increment", ObjectBlock.number(s.increment())));
        }
        s.minValue().ifPresent(v -> body.add(new HclItem.Attr("min_value", ObjectBlock.number(v))));
        s.maxValue().ifPresent(v -> body.add(new HclItem.Attr("max_value", ObjectBlock.number(v))));
        if (s.cache() != 1) {
            body.add(new HclItem.Attr("cache", ObjectBlock.number(s.cache())));
        }
        if (s.cycle()) {
            body.add(new HclItem.Attr("cycle", "true"));
        }
        s.ownedBy().ifPresent(o -> {
            int dot = o.lastIndexOf('.');
            body.add(new HclItem.Attr(
                    "owner", HclSyntax.ref(List.of("table", o.substring(0, dot), "column", o.substring(dot + 1)))));
        });
        s.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        return new HclItem.Block("sequence", List.of(s.name()), body);
    }
}
