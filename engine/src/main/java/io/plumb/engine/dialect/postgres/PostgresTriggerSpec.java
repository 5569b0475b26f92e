package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.EventTrigger;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclSyntax;
import io.plumb.engine.spec.ObjectSpecs;
import io.plumb.engine.spec.SpecBlock;
import io.plumb.engine.spec.TriggerSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code PostgresTriggerSpec} reads and writes PostgreSQL's {@code trigger} and {@code event_trigger} blocks:
 *
 * <pre>
 * trigger "accounts_audit" {
 *   on = table.accounts
 *   after {
 *     insert    = true
 *     update_of = [table.accounts.column.balance]
 *   }
 *   for  = ROW
 *   when = "(new.balance &gt; 0)"
 *   execute {
 *     function = function.audit
 *     args     = ["changed"]
 *   }
 * }
 * event_trigger "log_ddl" {
 *   on      = ddl_command_start
 *   tags    = ["CREATE TABLE"]
 *   execute = function.no_ddl
 * }
 * </pre>
 *
 * <p>A trigger's schema is its table's (or view's). Written order: {@code on}, the timing block ({@code before},
 * {@code after} or {@code instead_of}, events in the order {@code insert}, {@code update}/{@code update_of}, {@code
 * delete}, {@code truncate}), {@code for}, {@code when}, the {@code execute} block, then {@code constraint}, {@code
 * deferrable}, {@code initially}, {@code from}, {@code old_table}, {@code new_table}, {@code enabled} ({@code
 * DISABLED}, {@code REPLICA} or {@code ALWAYS}; absent for the default), {@code comment}.
 */
final class PostgresTriggerSpec {

    private static final List<String> TIMINGS = List.of("before", "after", "instead_of");
    private static final List<String> EVENTS = List.of("insert", "update", "delete", "truncate");
    private static final List<String> OPTIONS =
            List.of("constraint", "deferrable", "initially", "from", "old_table", "new_table", "enabled");

    /** Reads the trigger blocks of a document; a trigger's schema is that of the relation it is on. */
    void read(Document document, TableNames relations, Map<String, List<SchemaObject>> out) {
        Set<List<String>> seen = new HashSet<>();
        for (Resource resource : document.resources("trigger")) {
            String name = ObjectSpecs.name(resource);
            String owner = "trigger \"" + name + "\"";
            Set<String> names = new HashSet<>(OPTIONS);
            names.addAll(Set.of("on", "for", "when", "comment", "depends_on"));
            Set<String> blocks = new HashSet<>(TIMINGS);
            blocks.add("execute");
            SpecBlock block = SpecBlock.of(resource, owner, names, blocks);
            Attribute onAttribute = block.required("on");
            ObjectRef on = relations.resolve(onAttribute, block);
            if (on.kind() != ObjectKind.TABLE && on.kind() != ObjectKind.VIEW) {
                throw block.expected(onAttribute, "a table or view reference");
            }
            Trigger trigger = trigger(block, name, on, relations);
            if (!seen.add(List.of(on.schema(), trigger.identity()))) {
                throw new HclException(resource.pos(), owner + ": declared twice on " + on);
            }
            out.computeIfAbsent(on.schema(), s -> new ArrayList<>()).add(trigger);
        }
    }

    private static Trigger trigger(SpecBlock block, String name, ObjectRef on, TableNames relations) {
        String owner = block.owner();
        List<Resource> timing = new ArrayList<>();
        TIMINGS.forEach(t -> timing.addAll(block.blocks(t)));
        if (timing.size() != 1) {
            throw new HclException(
                    timing.isEmpty() ? block.pos() : timing.get(1).pos(),
                    owner + ": expected one before, after or instead_of block, found " + timing.size());
        }
        Resource when = timing.get(0);
        Set<String> eventNames = new HashSet<>(EVENTS);
        eventNames.add("update_of");
        SpecBlock events = SpecBlock.of(when, when.type() + " block of " + owner, eventNames, Set.of());
        List<String> updateOf = TriggerSpec.updateOf(events, on);
        List<String> names = new ArrayList<>();
        for (String event : EVENTS) {
            if (events.bool(event) || (event.equals("update") && !updateOf.isEmpty())) {
                names.add(event.toUpperCase(Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            throw new HclException(when.pos(), when.type() + " block of " + owner + ": expected an event");
        }
        String forEach = block.attribute("for").map(a -> word(block, a)).orElse("STATEMENT");
        if (!forEach.equalsIgnoreCase("ROW") && !forEach.equalsIgnoreCase("STATEMENT")) {
            throw block.expected(block.required("for"), "ROW or STATEMENT");
        }
        Resource execute = block.block("execute")
                .orElseThrow(() -> new HclException(block.pos(), owner + ": missing execute block"));
        SpecBlock exec = SpecBlock.of(execute, "execute block of " + owner, Set.of("function", "args"), Set.of());
        Attribute function = exec.required("function");
        ObjectRef ref = ObjectSpecs.ref(function.value(), function, exec, on.schema());
        if (ref.kind() != ObjectKind.FUNCTION) {
            throw exec.expected(function, "a function reference");
        }
        List<String> args = strings(exec, "args");
        String text = QualifiedName.text(on.schema(), ref.schema(), ref.identity()) + "("
                + String.join(", ", args.stream().map(PostgresDdl::literal).toList()) + ")";
        Map<String, String> options = new LinkedHashMap<>();
        if (block.bool("constraint")) {
            options.put("constraint", "true");
        }
        if (block.bool("deferrable")) {
            options.put("deferrable", "true");
        }
        block.attribute("initially")
                .map(a -> word(block, a).toUpperCase(Locale.ROOT))
                .filter(v -> !v.equals("IMMEDIATE"))
                .ifPresent(v -> options.put("initially", v));
        block.attribute("from").ifPresent(a -> {
            ObjectRef from = relations.resolve(a, block);
            options.put("from", QualifiedName.text(on.schema(), from.schema(), from.identity()));
        });
        block.string("old_table").ifPresent(v -> options.put("old_table", v));
        block.string("new_table").ifPresent(v -> options.put("new_table", v));
        block.attribute("enabled")
                .map(a -> word(block, a).toUpperCase(Locale.ROOT))
                .filter(v -> !v.equals("ORIGIN"))
                .ifPresent(v -> options.put("enabled", v));
        List<ObjectRef> dependsOn = new ArrayList<>(ObjectSpecs.dependsOn(block, on.schema()));
        dependsOn.add(ref);
        return new Trigger(
                name,
                on,
                when.type().replace('_', ' ').toUpperCase(Locale.ROOT),
                names,
                updateOf,
                forEach.equalsIgnoreCase("ROW"),
                block.string("when"),
                Optional.empty(),
                Optional.of(text),
                options,
                block.string("comment"),
                dependsOn);
    }

    private static List<String> strings(SpecBlock block, String name) {
        Optional<Attribute> attribute = block.attribute(name);
        if (attribute.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (attribute.get().value() instanceof Value.ListValue list) {
            for (Value element : list.elements()) {
                if (!(element instanceof Value.Str str)) {
                    throw block.expected(attribute.get(), "a list of strings");
                }
                values.add(str.value());
            }
            return values;
        }
        throw block.expected(attribute.get(), "a list of strings");
    }

    private static String word(SpecBlock block, Attribute attribute) {
        if (attribute.value() instanceof Value.Ident ident) {
            return ident.name();
        } else if (attribute.value() instanceof Value.Str str) {
            return str.value();
        }
        throw block.expected(attribute, "an identifier");
    }

    /** Reads the event trigger blocks of a document. */
    static List<EventTrigger> readEvents(Document document, TableNames names) {
        List<EventTrigger> triggers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Resource resource : document.resources("event_trigger")) {
            String name = ObjectSpecs.name(resource);
            String owner = "event trigger \"" + name + "\"";
            SpecBlock block =
                    SpecBlock.of(resource, owner, Set.of("on", "tags", "execute", "enabled", "comment"), Set.of());
            Attribute execute = block.required("execute");
            ObjectRef function = names.resolve(execute, block);
            if (function.kind() != ObjectKind.FUNCTION) {
                throw block.expected(execute, "a function reference");
            }
            String enabled =
                    switch (block.attribute("enabled")
                            .map(a -> word(block, a).toUpperCase(Locale.ROOT))
                            .orElse("ORIGIN")) {
                        case "DISABLED" -> "D";
                        case "REPLICA" -> "R";
                        case "ALWAYS" -> "A";
                        default -> "O";
                    };
            if (!seen.add(name)) {
                throw new HclException(resource.pos(), owner + ": declared twice");
            }
            triggers.add(new EventTrigger(
                    name,
                    word(block, block.required("on")),
                    strings(block, "tags"),
                    function,
                    enabled,
                    block.string("comment")));
        }
        return triggers;
    }

    /**
     * Returns the block of a trigger of the given schema.
     *
     * @param ambiguous the relation names several schemas declare, which {@code on} names with their schema
     */
    static HclItem write(String schema, Trigger trigger, Set<String> ambiguous) {
        List<HclItem> body = new ArrayList<>();
        ObjectRef on = trigger.on();
        body.add(new HclItem.Attr(
                "on",
                ambiguous.contains(on.identity())
                        ? HclSyntax.ref(List.of(on.kind().block(), on.schema(), on.identity()))
                        : ObjectSpecs.ref(on, schema)));
        List<HclItem> events = new ArrayList<>();
        for (String event : trigger.events()) {
            if (event.equals("UPDATE") && !trigger.updateOf().isEmpty()) {
                List<String> refs = new ArrayList<>();
                for (String column : trigger.updateOf()) {
                    refs.add(HclSyntax.ref(
                            List.of(trigger.on().kind().block(), trigger.on().identity(), "column", column)));
                }
                events.add(new HclItem.Attr("update_of", HclSyntax.list(refs)));
            } else {
                events.add(new HclItem.Attr(event.toLowerCase(Locale.ROOT), "true"));
            }
        }
        body.add(new HclItem.Block(trigger.timing().toLowerCase(Locale.ROOT).replace(' ', '_'), List.of(), events));
        body.add(new HclItem.Attr("for", trigger.forEachRow() ? "ROW" : "STATEMENT"));
        trigger.when().ifPresent(w -> body.add(new HclItem.Attr("when", HclSyntax.quote(w))));
        String execute = trigger.execute().orElse("");
        QualifiedName function = QualifiedName.parse(execute);
        List<HclItem> exec = new ArrayList<>();
        exec.add(new HclItem.Attr(
                "function",
                HclSyntax.ref(
                        function.schema().isPresent()
                                ? List.of("function", function.schema().get(), function.name())
                                : List.of("function", function.name()))));
        List<String> args = TriggerArgs.parse(execute.substring(QualifiedName.length(execute)));
        if (!args.isEmpty()) {
            exec.add(new HclItem.Attr(
                    "args", HclSyntax.list(args.stream().map(HclSyntax::quote).toList())));
        }
        body.add(new HclItem.Block("execute", List.of(), exec));
        for (String option : OPTIONS) {
            String value = trigger.options().get(option);
            if (value == null) {
                continue;
            }
            String expression =
                    switch (option) {
                        case "from" -> {
                            QualifiedName from = QualifiedName.parse(value);
                            yield HclSyntax.ref(
                                    from.schema().isPresent()
                                            ? List.of("table", from.schema().get(), from.name())
                                            : List.of("table", from.name()));
                        }
                        case "old_table", "new_table" -> HclSyntax.quote(value);
                        default -> value;
                    };
            body.add(new HclItem.Attr(option, expression));
        }
        trigger.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        return new HclItem.Block("trigger", List.of(trigger.name()), body);
    }

    /** Returns the block of an event trigger. */
    static HclItem write(EventTrigger trigger) {
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("on", trigger.event()));
        if (!trigger.tags().isEmpty()) {
            body.add(new HclItem.Attr(
                    "tags",
                    HclSyntax.list(trigger.tags().stream().map(HclSyntax::quote).toList())));
        }
        body.add(new HclItem.Attr(
                "execute",
                HclSyntax.ref(List.of(
                        "function",
                        trigger.function().schema(),
                        trigger.function().identity()))));
        String enabled =
                switch (trigger.enabled()) {
                    case "D" -> "DISABLED";
                    case "R" -> "REPLICA";
                    case "A" -> "ALWAYS";
                    default -> "";
                };
        if (!enabled.isEmpty()) {
            body.add(new HclItem.Attr("enabled", enabled));
        }
        trigger.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        return new HclItem.Block("event_trigger", List.of(trigger.name()), body);
    }
}
