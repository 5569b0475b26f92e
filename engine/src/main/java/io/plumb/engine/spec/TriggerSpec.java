package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Trigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code TriggerSpec} reads and writes the {@code trigger} blocks of dialects whose triggers carry their body
 * inline (SQLite, MySQL):
 *
 * <pre>
 * trigger "orders_audit" {
 *   on = table.orders
 *   after {
 *     insert    = true
 *     update_of = [table.orders.column.amount]
 *   }
 *   when = "NEW.amount &gt; 100"
 *   as   = &lt;&lt;-SQL
 *   BEGIN
 *     INSERT INTO audit VALUES (NEW.id);
 *   END
 *   SQL
 * }
 * </pre>
 *
 * <p>The order written is {@code on}, the timing block ({@code before}, {@code after} or {@code instead_of}) with
 * its events in the order {@code insert}, {@code update}, {@code update_of}, {@code delete}, then {@code when},
 * {@code as}, the dialect's options, {@code comment} and {@code depends_on}. Such triggers fire for each row.
 */
public final class TriggerSpec {

    private static final List<String> TIMINGS = List.of("before", "after", "instead_of");
    private static final List<String> EVENTS = List.of("insert", "update", "delete");

    private final List<SpecAttribute> options;

    /**
     * Creates the spec of a dialect.
     *
     * @param options the dialect's own trigger attributes, in the order they are written
     */
    public TriggerSpec(List<SpecAttribute> options) {
        this.options = List.copyOf(options);
    }

    /**
     * Returns the triggers of a document, by schema, in declaration order.
     *
     * @throws HclException at the offending block or attribute
     */
    public Map<String, List<Trigger>> read(Document document) {
        Set<String> schemas = ObjectSpecs.schemas(document);
        Map<String, List<Trigger>> triggers = new LinkedHashMap<>();
        Set<List<String>> seen = new HashSet<>();
        for (Resource resource : document.resources("trigger")) {
            String name = ObjectSpecs.name(resource);
            String owner = "trigger \"" + name + "\"";
            String schema = ObjectSpecs.schemaOf(resource, owner, schemas);
            Trigger trigger = read(resource, schema, owner);
            if (!seen.add(List.of(schema, trigger.identity()))) {
                throw new HclException(resource.pos(), owner + ": declared twice on " + trigger.on());
            }
            triggers.computeIfAbsent(schema, s -> new ArrayList<>()).add(trigger);
        }
        return triggers;
    }

    private Trigger read(Resource resource, String schema, String owner) {
        SpecBlock block = SpecBlock.of(
                resource,
                owner,
                SpecBlock.names(options, "schema", "on", "when", "as", "comment", "depends_on"),
                Set.copyOf(TIMINGS));
        Attribute onAttribute = block.required("on");
        ObjectRef on = ObjectSpecs.ref(onAttribute.value(), onAttribute, block, schema);
        if (on.kind() != ObjectKind.TABLE && on.kind() != ObjectKind.VIEW) {
            throw block.expected(onAttribute, "a table or view reference");
        }
        List<Resource> timing = new ArrayList<>();
        TIMINGS.forEach(t -> timing.addAll(block.blocks(t)));
        if (timing.size() != 1) {
            throw new HclException(
                    timing.isEmpty() ? resource.pos() : timing.get(1).pos(),
                    owner + ": expected one before, after or instead_of block, found " + timing.size());
        }
        Resource when = timing.get(0);
        SpecBlock events = SpecBlock.of(
                when, when.type() + " block of " + owner, Set.of("insert", "update", "update_of", "delete"), Set.of());
        List<String> eventNames = new ArrayList<>();
        List<String> updateOf = updateOf(events, on);
        for (String event : EVENTS) {
            if (events.bool(event) || (event.equals("update") && !updateOf.isEmpty())) {
                eventNames.add(event.toUpperCase(Locale.ROOT));
            }
        }
        if (eventNames.isEmpty()) {
            throw new HclException(when.pos(), when.type() + " block of " + owner + ": expected an event");
        }
        return new Trigger(
                resource.labels().get(0),
                on,
                when.type().replace('_', ' ').toUpperCase(Locale.ROOT),
                eventNames,
                updateOf,
                true,
                ObjectSpecs.sql(block, "when"),
                Optional.of(ObjectSpecs.requiredSql(block, "as")),
                Optional.empty(),
                block.options(options),
                block.string("comment"),
                ObjectSpecs.dependsOn(block, schema));
    }

    /**
     * Returns the columns of a timing block's {@code update_of} list: references to columns of the trigger's table
     * or view ({@code table.orders.column.amount}, {@code table.public.orders.column.amount}) or, inside it, {@code
     * column.amount}; empty when the attribute is absent.
     *
     * @throws HclException at the attribute for anything else
     */
    public static List<String> updateOf(SpecBlock events, ObjectRef on) {
        Optional<Attribute> attribute = events.attribute("update_of");
        if (attribute.isEmpty()) {
            return List.of();
        }
        if (!(attribute.get().value() instanceof Value.ListValue list)) {
            throw events.expected(attribute.get(), "a list of column references");
        }
        List<String> columns = new ArrayList<>();
        for (Value element : list.elements()) {
            List<String> path = element instanceof Value.Ref ref ? ref.path() : List.of();
            int n = path.size();
            boolean local = n == 2 && path.get(0).equals("column");
            boolean qualified = n >= 4
                    && path.get(n - 2).equals("column")
                    && path.get(n - 3).equals(on.identity());
            if (!local && !qualified) {
                throw events.expected(attribute.get(), "column references of " + on);
            }
            columns.add(path.get(n - 1));
        }
        return columns;
    }

    /** Returns the block of a trigger of the given schema. */
    public HclItem write(String schema, Trigger trigger) {
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("on", ObjectSpecs.ref(trigger.on(), schema)));
        List<HclItem> events = new ArrayList<>();
        for (String event : trigger.events()) {
            if (event.equals("UPDATE") && !trigger.updateOf().isEmpty()) {
                events.add(new HclItem.Attr(
                        "update_of",
                        HclSyntax.list(trigger.updateOf().stream()
                                .map(c -> HclSyntax.ref(List.of(
                                        trigger.on().kind().block(),
                                        trigger.on().identity(),
                                        "column",
                                        c)))
                                .toList())));
            } else {
                events.add(new HclItem.Attr(event.toLowerCase(Locale.ROOT), "true"));
            }
        }
        body.add(new HclItem.Block(trigger.timing().toLowerCase(Locale.ROOT).replace(' ', '_'), List.of(), events));
        trigger.when().ifPresent(w -> body.add(new HclItem.Attr("when", ObjectSpecs.sqlText(w))));
        trigger.body().ifPresent(b -> body.add(new HclItem.Attr("as", ObjectSpecs.sqlText(b))));
        body.addAll(SpecWriter.extras(options, trigger.options(), Map.of()));
        trigger.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        ObjectSpecs.dependsOn(trigger.dependsOn(), schema).ifPresent(body::add);
        return new HclItem.Block("trigger", List.of(trigger.name()), body);
    }
}
