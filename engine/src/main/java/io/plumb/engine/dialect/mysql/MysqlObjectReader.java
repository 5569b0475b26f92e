package io.plumb.engine.dialect.mysql;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.Event;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import io.plumb.engine.spec.ObjectSpecs;
import io.plumb.engine.spec.SpecAttribute;
import io.plumb.engine.spec.SpecBlock;
import io.plumb.engine.spec.TriggerSpec;
import io.plumb.engine.spec.TypeSpec;
import io.plumb.engine.spec.ViewSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code MysqlObjectReader} reads the {@code view}, {@code function}, {@code procedure}, {@code trigger} and
 * {@code event} blocks of a MySQL schema document into the schemas the shared reader read, strictly: unknown
 * attributes and blocks, values of the wrong kind, what MySQL cannot express (a view's comment, a trigger's {@code
 * when}) and references to nothing are errors at their position. Views and triggers are the shared blocks ({@link
 * ViewSpec}, {@link TriggerSpec}) with MySQL's options; options that restate a default ({@code security = DEFINER},
 * {@code algorithm = UNDEFINED}, {@code data_access = CONTAINS_SQL}, {@code status = ENABLED}) are left out, as
 * inspection leaves them out.
 */
final class MysqlObjectReader {

    /** The top-level blocks this reader reads. */
    static final Set<String> BLOCKS = Set.of("view", "function", "procedure", "trigger", "event");

    /** A view's options, in the order they are written. */
    static final List<SpecAttribute> VIEW_OPTIONS = List.of(
            new SpecAttribute(MysqlObjectOptions.CHECK_OPTION, SpecAttribute.Kind.IDENT),
            new SpecAttribute(MysqlObjectOptions.SECURITY, SpecAttribute.Kind.IDENT),
            new SpecAttribute(MysqlObjectOptions.ALGORITHM, SpecAttribute.Kind.IDENT));

    /** A trigger's options: the trigger it follows among those of its table, timing and event. */
    static final List<SpecAttribute> TRIGGER_OPTIONS =
            List.of(new SpecAttribute(MysqlObjectOptions.FOLLOWS, SpecAttribute.Kind.STRING));

    private static final Map<String, List<String>> KEYWORDS = Map.of(
            MysqlObjectOptions.CHECK_OPTION,
            List.of("LOCAL", "CASCADED"),
            MysqlObjectOptions.SECURITY,
            List.of("DEFINER", "INVOKER"),
            MysqlObjectOptions.ALGORITHM,
            List.of("UNDEFINED", "MERGE", "TEMPTABLE"),
            MysqlObjectOptions.DATA_ACCESS,
            List.of("CONTAINS_SQL", "NO_SQL", "READS_SQL_DATA", "MODIFIES_SQL_DATA"),
            MysqlObjectOptions.ON_COMPLETION,
            List.of("PRESERVE", "NOT_PRESERVE"),
            MysqlObjectOptions.STATUS,
            List.of("ENABLED", "DISABLED", "SLAVESIDE_DISABLED"),
            "mode",
            List.of("IN", "OUT", "INOUT"));

    private static final Set<String> DEFAULTS =
            Set.of("DEFINER", "UNDEFINED", "CONTAINS_SQL", "NOT_PRESERVE", "ENABLED", "IN");

    private MysqlObjectReader() {}

    /** Returns the realm with the document's objects added to their schemas: views, routines, triggers, events. */
    static Realm read(Document document, Realm realm, MysqlSpecDialect dialect) {
        checkViewsAndTriggers(document, realm);
        Set<String> schemas = ObjectSpecs.schemas(document);
        Map<String, List<SchemaObject>> objects = new LinkedHashMap<>();
        new ViewSpec(dialect, VIEW_OPTIONS)
                .read(document, ObjectKind.VIEW)
                .forEach((schema, views) -> views.forEach(v -> add(objects, schema, view(v))));
        Set<List<String>> seen = new HashSet<>();
        for (Resource resource : document.resources()) {
            if (resource.type().equals("function") || resource.type().equals("procedure")) {
                String name = ObjectSpecs.name(resource);
                String owner = resource.type() + " \"" + name + "\"";
                String schema = ObjectSpecs.schemaOf(resource, owner, schemas);
                unique(seen, resource, owner, schema);
                add(objects, schema, routine(resource, name, owner, schema));
            } else if (resource.type().equals("event")) {
                String name = ObjectSpecs.name(resource);
                String owner = "event \"" + name + "\"";
                String schema = ObjectSpecs.schemaOf(resource, owner, schemas);
                unique(seen, resource, owner, schema);
                add(objects, schema, event(resource, name, owner, schema));
            }
        }
        new TriggerSpec(TRIGGER_OPTIONS)
                .read(document)
                .forEach((schema, triggers) -> triggers.forEach(t -> add(objects, schema, trigger(t))));
        return ObjectSpecs.attach(realm, objects);
    }

    private static void add(Map<String, List<SchemaObject>> objects, String schema, SchemaObject object) {
        objects.computeIfAbsent(schema, s -> new ArrayList<>()).add(object);
    }

    private static void unique(Set<List<String>> seen, Resource resource, String owner, String schema) {
        if (!seen.add(List.of(resource.type(), schema, ObjectSpecs.name(resource)))) {
            throw new HclException(resource.pos(), owner + ": declared twice in schema \"" + schema + "\"");
        }
    }

    // What the shared view and trigger blocks accept but MySQL cannot express, and the values of MySQL's options.
    private static void checkViewsAndTriggers(Document document, Realm realm) {
        for (Resource resource : document.resources("view")) {
            String owner = "view \"" + ObjectSpecs.name(resource) + "\"";
            resource.attribute("comment").ifPresent(a -> {
                throw new HclException(a.namePos(), owner + ": mysql and mariadb views have no comments");
            });
            for (SpecAttribute option : VIEW_OPTIONS) {
                keyword(resource, owner, option.name());
            }
        }
        for (Resource resource : document.resources("trigger")) {
            String owner = "trigger \"" + ObjectSpecs.name(resource) + "\"";
            for (String attribute : List.of("when", "comment")) {
                resource.attribute(attribute).ifPresent(a -> {
                    throw new HclException(a.namePos(), owner + ": mysql and mariadb triggers have no " + attribute);
                });
            }
            for (Resource timing : resource.children()) {
                if (timing.type().equals("instead_of")) {
                    throw new HclException(timing.pos(), owner + ": mysql and mariadb triggers have no instead_of");
                }
                long events = timing.attributes().stream()
                        .filter(a -> !(a.value() instanceof Value.Bool b) || b.value())
                        .count();
                timing.attribute("update_of").ifPresent(a -> {
                    throw new HclException(a.namePos(), owner + ": mysql and mariadb triggers have no update_of");
                });
                if (events > 1) {
                    throw new HclException(timing.pos(), owner + ": expected one event, found " + events);
                }
            }
            resource.attribute("on").ifPresent(on -> checkTable(on, owner, realm));
        }
    }

    private static void checkTable(Attribute on, String owner, Realm realm) {
        if (on.value() instanceof Value.Ref ref
                && ref.path().get(0).equals("table")
                && realm.schemas().stream()
                        .noneMatch(s ->
                                s.table(ref.path().get(ref.path().size() - 1)).isPresent())) {
            throw new HclException(
                    on.pos(), owner + ": table \"" + ref.path().get(ref.path().size() - 1) + "\" not found");
        }
        if (on.value() instanceof Value.Ref ref && ref.path().get(0).equals("view")) {
            throw new HclException(on.pos(), owner + ": mysql and mariadb triggers are on tables, not views");
        }
    }

    private static View view(View view) {
        Map<String, String> options = canonical(view.options());
        return new View(
                view.name(),
                false,
                view.columns(),
                view.query(),
                List.of(),
                Optional.empty(),
                view.dependsOn(),
                options);
    }

    // A trigger's place among those of its table, timing and event follows another's: that one is created first.
    private static Trigger trigger(Trigger trigger) {
        String follows = trigger.options().get(MysqlObjectOptions.FOLLOWS);
        if (follows == null) {
            return trigger;
        }
        List<ObjectRef> refs = new ArrayList<>(trigger.dependsOn());
        refs.add(new ObjectRef(
                ObjectKind.TRIGGER, trigger.on().schema(), trigger.on().identity() + "." + follows));
        return trigger.withDependsOn(refs);
    }

    private static Routine routine(Resource resource, String name, String owner, String schema) {
        boolean function = resource.type().equals("function");
        List<String> attributes = new ArrayList<>(
                List.of("schema", "as", "depends_on", "deterministic", "data_access", "security", "comment"));
        if (function) {
            attributes.add("return");
        }
        SpecBlock block = SpecBlock.of(resource, owner, Set.copyOf(attributes), Set.of("arg"));
        List<Argument> arguments = new ArrayList<>();
        for (Resource child : block.blocks("arg")) {
            String arg = SpecBlock.label(child, owner);
            String argOwner = "arg \"" + arg + "\" of " + owner;
            SpecBlock a = SpecBlock.of(child, argOwner, function ? Set.of("type") : Set.of("type", "mode"), Set.of());
            Optional<String> mode = keyword(child, argOwner, "mode");
            arguments.add(new Argument(arg, type(a, "type"), mode, Optional.empty()));
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (block.attribute(MysqlObjectOptions.DETERMINISTIC).isPresent()
                && block.bool(MysqlObjectOptions.DETERMINISTIC)) {
            options.put(MysqlObjectOptions.DETERMINISTIC, "true");
        }
        for (String option : List.of(MysqlObjectOptions.DATA_ACCESS, MysqlObjectOptions.SECURITY)) {
            keyword(resource, owner, option).ifPresent(v -> options.put(option, v));
        }
        return new Routine(
                function ? ObjectKind.FUNCTION : ObjectKind.PROCEDURE,
                name,
                "",
                arguments,
                function ? Optional.of(type(block, "return")) : Optional.empty(),
                "",
                ObjectSpecs.requiredSql(block, "as").strip(),
                options,
                block.string("comment").filter(c -> !c.isEmpty()),
                ObjectSpecs.dependsOn(block, schema));
    }

    private static String type(SpecBlock block, String attribute) {
        return MysqlObjectTypes.canonical(TypeSpec.read(block.required(attribute), block.owner(), MysqlTypes.NAMES)
                .sql());
    }

    private static Event event(Resource resource, String name, String owner, String schema) {
        SpecBlock block = SpecBlock.of(
                resource,
                owner,
                Set.of(
                        "schema",
                        "as",
                        "depends_on",
                        "at",
                        "every",
                        "starts",
                        "ends",
                        "on_completion",
                        "status",
                        "comment"),
                Set.of());
        Optional<String> at = block.string("at");
        Optional<String> every = block.string("every");
        if (at.isPresent() == every.isPresent()) {
            throw new HclException(resource.pos(), owner + ": expected one of at or every");
        }
        if (at.isPresent()
                && (block.attribute("starts").isPresent()
                        || block.attribute("ends").isPresent())) {
            throw new HclException(resource.pos(), owner + ": starts and ends need every, not at");
        }
        MysqlEventSchedule schedule = new MysqlEventSchedule(
                at.orElse(""),
                every.orElse(""),
                block.string("starts").orElse(""),
                block.string("ends").orElse(""));
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : List.of(MysqlObjectOptions.ON_COMPLETION, MysqlObjectOptions.STATUS)) {
            keyword(resource, owner, option).ifPresent(v -> options.put(option, v));
        }
        return new Event(
                name,
                schedule.sql(),
                ObjectSpecs.requiredSql(block, "as").strip(),
                options,
                block.string("comment").filter(c -> !c.isEmpty()),
                ObjectSpecs.dependsOn(block, schema));
    }

    /**
     * Returns a keyword attribute (an identifier or a string) upper-cased, checked against its allowed values, or
     * empty when absent or when it names the default.
     */
    private static Optional<String> keyword(Resource resource, String owner, String name) {
        Optional<Attribute> attribute = resource.attribute(name).filter(a -> !(a.value() instanceof Value.Null));
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        Attribute a = attribute.get();
        List<String> allowed = KEYWORDS.getOrDefault(name, List.of());
        String value;
        if (a.value() instanceof Value.Ident ident) {
            value = ident.name();
        } else if (a.value() instanceof Value.Str str) {
            value = str.value();
        } else {
            value = a.value().kind();
        }
        String upper = value.toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!allowed.contains(upper)) {
            throw new HclException(
                    a.pos(),
                    "attribute \"" + name + "\" of " + owner + ": expected one of " + String.join(", ", allowed)
                            + ", found " + value);
        }
        return DEFAULTS.contains(upper) ? Optional.empty() : Optional.of(upper);
    }

    private static Map<String, String> canonical(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            String upper = value.toUpperCase(Locale.ROOT).replace(' ', '_');
            if (!DEFAULTS.contains(upper)) {
                out.put(key, upper);
            }
        });
        return out;
    }
}
