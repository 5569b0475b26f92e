package io.plumb.engine.dialect.mysql;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Event;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import io.plumb.engine.spec.TypeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code MysqlObjectReader} reads the {@code view}, {@code function}, {@code procedure}, {@code trigger} and
 * {@code event} blocks of a MySQL schema document into the schemas the shared reader read, strictly: unknown
 * attributes and blocks, values of the wrong kind and references to nothing are errors at their position.
 */
final class MysqlObjectReader {

    /** The top-level blocks this reader reads. */
    static final Set<String> BLOCKS = Set.of("view", "function", "procedure", "trigger", "event");

    private static final List<String> DATA_ACCESS =
            List.of("CONTAINS_SQL", "NO_SQL", "READS_SQL_DATA", "MODIFIES_SQL_DATA");
    private static final List<String> SECURITY = List.of("DEFINER", "INVOKER");

    /** An object read, with the {@code depends_on} it declared, resolved once every block is read. */
    private record Read(String schema, SchemaObject object, Optional<Attribute> dependsOn, Pos pos) {}

    private final Realm realm;
    private final List<Read> read = new ArrayList<>();

    private MysqlObjectReader(Realm realm) {
        this.realm = realm;
    }

    /** Returns the realm with the document's objects added to their schemas, in declaration order. */
    static Realm read(Document document, Realm realm) {
        MysqlObjectReader reader = new MysqlObjectReader(realm);
        for (Resource resource : document.resources()) {
            if (BLOCKS.contains(resource.type())) {
                reader.block(resource);
            }
        }
        return reader.attach();
    }

    private void block(Resource resource) {
        String name = ObjectBlock.label(resource, resource.type());
        String owner = resource.type() + " \"" + name + "\"";
        switch (resource.type()) {
            case "view" -> view(resource, name, owner);
            case "function", "procedure" -> routine(resource, name, owner);
            case "trigger" -> trigger(resource, name, owner);
            default -> event(resource, name, owner);
        }
    }

    private void view(Resource resource, String name, String owner) {
        ObjectBlock block = ObjectBlock.of(
                resource,
                owner,
                Set.of("schema", "as", "depends_on", "check_option", "security", "algorithm", "comment"),
                Set.of("column"));
        block.attribute("comment").ifPresent(a -> {
            throw new HclException(a.pos(), owner + ": mysql and mariadb views have no comments");
        });
        List<Column> columns = new ArrayList<>();
        for (Resource child : resource.children()) {
            String column = ObjectBlock.label(child, "column");
            ObjectBlock c = ObjectBlock.of(
                    child, "column \"" + column + "\" of " + owner, Set.of("type", "null", "comment"), Set.of());
            String type = MysqlObjectTypes.canonical(TypeSpec.read(c.required("type"), c.owner(), MysqlTypes.NAMES)
                    .sql());
            columns.add(Column.of(
                    column, MysqlObjectTypes.columnType(type), c.bool("null").orElse(false)));
        }
        Map<String, String> options = new LinkedHashMap<>();
        block.keyword(MysqlObjectOptions.CHECK_OPTION, List.of("LOCAL", "CASCADED"))
                .ifPresent(v -> options.put(MysqlObjectOptions.CHECK_OPTION, v));
        block.keyword(MysqlObjectOptions.SECURITY, SECURITY)
                .filter(v -> v.equals("INVOKER"))
                .ifPresent(v -> options.put(MysqlObjectOptions.SECURITY, v));
        block.keyword(MysqlObjectOptions.ALGORITHM, List.of("UNDEFINED", "MERGE", "TEMPTABLE"))
                .filter(v -> !v.equals("UNDEFINED"))
                .ifPresent(v -> options.put(MysqlObjectOptions.ALGORITHM, v));
        View view = new View(name, false, columns, body(block), List.of(), Optional.empty(), List.of(), options);
        add(block, view);
    }

    private void routine(Resource resource, String name, String owner) {
        boolean function = resource.type().equals("function");
        ObjectBlock block = ObjectBlock.of(
                resource,
                owner,
                function
                        ? Set.of(
                                "schema",
                                "as",
                                "depends_on",
                                "return",
                                "deterministic",
                                "data_access",
                                "security",
                                "comment")
                        : Set.of("schema", "as", "depends_on", "deterministic", "data_access", "security", "comment"),
                Set.of("arg"));
        List<Argument> arguments = new ArrayList<>();
        for (Resource child : resource.children()) {
            String arg = ObjectBlock.label(child, "arg");
            ObjectBlock a = ObjectBlock.of(
                    child,
                    "arg \"" + arg + "\" of " + owner,
                    function ? Set.of("type") : Set.of("type", "mode"),
                    Set.of());
            Optional<String> mode =
                    a.keyword("mode", List.of("IN", "OUT", "INOUT")).filter(m -> !m.equals("IN"));
            arguments.add(new Argument(arg, type(a, "type"), mode, Optional.empty()));
        }
        Optional<String> returns = function ? Optional.of(type(block, "return")) : Optional.empty();
        Map<String, String> options = new LinkedHashMap<>();
        if (block.bool(MysqlObjectOptions.DETERMINISTIC).orElse(false)) {
            options.put(MysqlObjectOptions.DETERMINISTIC, "true");
        }
        block.keyword(MysqlObjectOptions.DATA_ACCESS, DATA_ACCESS)
                .filter(v -> !v.equals("CONTAINS_SQL"))
                .ifPresent(v -> options.put(MysqlObjectOptions.DATA_ACCESS, v));
        block.keyword(MysqlObjectOptions.SECURITY, SECURITY)
                .filter(v -> v.equals("INVOKER"))
                .ifPresent(v -> options.put(MysqlObjectOptions.SECURITY, v));
        Routine routine = new Routine(
                function ? ObjectKind.FUNCTION : ObjectKind.PROCEDURE,
                name,
                "",
                arguments,
                returns,
                "",
                body(block),
                options,
                block.string("comment").filter(c -> !c.isEmpty()),
                List.of());
        add(block, routine);
    }

    private static String type(ObjectBlock block, String attribute) {
        return MysqlObjectTypes.canonical(TypeSpec.read(block.required(attribute), block.owner(), MysqlTypes.NAMES)
                .sql());
    }

    private void trigger(Resource resource, String name, String owner) {
        ObjectBlock block = ObjectBlock.of(
                resource, owner, Set.of("on", "as", "depends_on", "follows", "for"), Set.of("before", "after"));
        Attribute onAttribute = block.required("on");
        List<String> on = block.ref("on").orElseThrow();
        String schema = tableSchema(onAttribute, on, owner);
        String table = on.get(on.size() - 1);
        block.keyword("for", List.of("ROW"));
        if (resource.children().size() != 1) {
            throw new HclException(
                    resource.pos(),
                    owner + ": expected one before or after block, found "
                            + resource.children().size());
        }
        Resource timing = resource.children().get(0);
        ObjectBlock events =
                ObjectBlock.of(timing, timing.type() + " of " + owner, Set.of("insert", "update", "delete"), Set.of());
        List<String> chosen = new ArrayList<>();
        for (String event : List.of("insert", "update", "delete")) {
            if (events.bool(event).orElse(false)) {
                chosen.add(event.toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (chosen.size() != 1) {
            throw new HclException(
                    timing.pos(), owner + ": expected one of insert, update or delete, found " + chosen.size());
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<ObjectRef> dependsOn = new ArrayList<>();
        block.ref(MysqlObjectOptions.FOLLOWS).ifPresent(path -> {
            Attribute attribute = block.required(MysqlObjectOptions.FOLLOWS);
            if (path.size() != 2 || !path.get(0).equals("trigger")) {
                throw block.expected(attribute, "a trigger reference (trigger.NAME)");
            }
            options.put(MysqlObjectOptions.FOLLOWS, path.get(1));
            dependsOn.add(new ObjectRef(ObjectKind.TRIGGER, schema, table + "." + path.get(1)));
        });
        Trigger trigger = new Trigger(
                name,
                ObjectRef.table(schema, table),
                timing.type().toUpperCase(java.util.Locale.ROOT),
                chosen,
                List.of(),
                true,
                Optional.empty(),
                Optional.of(body(block)),
                Optional.empty(),
                options,
                Optional.empty(),
                dependsOn);
        read.add(new Read(schema, trigger, block.attribute("depends_on"), resource.pos()));
    }

    private void event(Resource resource, String name, String owner) {
        ObjectBlock block = ObjectBlock.of(
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
        block.keyword(MysqlObjectOptions.ON_COMPLETION, List.of("PRESERVE", "NOT_PRESERVE"))
                .filter(v -> v.equals("PRESERVE"))
                .ifPresent(v -> options.put(MysqlObjectOptions.ON_COMPLETION, v));
        block.keyword(MysqlObjectOptions.STATUS, List.of("ENABLED", "DISABLED", "SLAVESIDE_DISABLED"))
                .filter(v -> !v.equals("ENABLED"))
                .ifPresent(v -> options.put(MysqlObjectOptions.STATUS, v));
        Event event = new Event(
                name,
                schedule.sql(),
                body(block),
                options,
                block.string("comment").filter(c -> !c.isEmpty()),
                List.of());
        add(block, event);
    }

    private static String body(ObjectBlock block) {
        return block.string("as")
                .orElseThrow(() -> new HclException(block.resource().pos(), block.owner() + ": missing as"))
                .strip();
    }

    private void add(ObjectBlock block, SchemaObject object) {
        read.add(new Read(
                schema(block),
                object,
                block.attribute("depends_on"),
                block.resource().pos()));
    }

    private String schema(ObjectBlock block) {
        Optional<Attribute> attribute = block.attribute("schema");
        if (attribute.isEmpty()) {
            if (realm.schemas().size() == 1) {
                return realm.schemas().get(0).name();
            }
            throw new HclException(block.resource().pos(), block.owner() + ": missing schema");
        }
        List<String> path = block.ref("schema").orElseThrow();
        if (path.size() != 2 || !path.get(0).equals("schema")) {
            throw block.expected(attribute.get(), "a schema reference (schema.NAME)");
        }
        return requireSchema(attribute.get().pos(), path.get(1), block.owner());
    }

    private String requireSchema(Pos pos, String schema, String owner) {
        if (realm.schema(schema).isEmpty()) {
            throw new HclException(pos, owner + ": schema \"" + schema + "\" not found");
        }
        return schema;
    }

    // table.T (in the only schema that has T) or table.S.T.
    private String tableSchema(Attribute attribute, List<String> path, String owner) {
        if (path.size() == 3 && path.get(0).equals("table")) {
            return requireTable(attribute, requireSchema(attribute.pos(), path.get(1), owner), path.get(2), owner);
        }
        if (path.size() != 2 || !path.get(0).equals("table")) {
            throw new HclException(
                    attribute.pos(),
                    "attribute \"" + attribute.name() + "\" of " + owner
                            + ": expected a table reference (table.NAME or table.SCHEMA.NAME)");
        }
        List<String> holders = realm.schemas().stream()
                .filter(s -> s.table(path.get(1)).isPresent())
                .map(Schema::name)
                .toList();
        if (holders.size() != 1) {
            throw new HclException(
                    attribute.pos(),
                    owner + ": table \"" + path.get(1) + "\" " + (holders.isEmpty() ? "not found" : "is ambiguous"));
        }
        return holders.get(0);
    }

    private String requireTable(Attribute attribute, String schema, String table, String owner) {
        if (realm.schema(schema).flatMap(s -> s.table(table)).isEmpty()) {
            throw new HclException(attribute.pos(), owner + ": table \"" + schema + "." + table + "\" not found");
        }
        return schema;
    }

    private Realm attach() {
        Map<List<String>, ObjectRef> declared = new HashMap<>();
        for (Read r : read) {
            ObjectRef ref = ObjectRef.to(r.schema(), r.object());
            if (declared.put(
                            List.of(
                                    r.object().kind().block(),
                                    r.schema(),
                                    r.object().name()),
                            ref)
                    != null) {
                throw new HclException(
                        r.pos(),
                        r.object().kind().label() + " \"" + r.object().name() + "\": declared twice in schema \""
                                + r.schema() + "\"");
            }
        }
        Map<String, List<SchemaObject>> objects = new LinkedHashMap<>();
        for (Read r : read) {
            SchemaObject object = r.object();
            if (r.dependsOn().isPresent()) {
                object = withDependsOn(object, dependsOn(r, r.dependsOn().get(), declared));
            }
            objects.computeIfAbsent(r.schema(), s -> new ArrayList<>()).add(object);
        }
        return realm.withSchemas(realm.schemas().stream()
                .map(s -> s.withObjects(objects.getOrDefault(s.name(), List.of())))
                .toList());
    }

    private List<ObjectRef> dependsOn(Read r, Attribute attribute, Map<List<String>, ObjectRef> declared) {
        String owner = r.object().kind().label() + " \"" + r.object().name() + "\"";
        if (!(attribute.value() instanceof Value.ListValue list)) {
            throw new HclException(
                    attribute.pos(), "attribute \"depends_on\" of " + owner + ": expected a list of references");
        }
        List<ObjectRef> refs = new ArrayList<>(r.object().dependsOn());
        for (Value element : list.elements()) {
            if (!(element instanceof Value.Ref ref)
                    || ref.path().size() < 2
                    || ref.path().size() > 3) {
                throw new HclException(
                        attribute.pos(),
                        "attribute \"depends_on\" of " + owner + ": expected references such as table.NAME or"
                                + " view.NAME, found " + element.kind());
            }
            List<String> path = ref.path();
            String kind = path.get(0);
            String schema = path.size() == 3 ? path.get(1) : r.schema();
            String name = path.get(path.size() - 1);
            if (kind.equals("table")) {
                requireTable(attribute, schema, name, owner);
                refs.add(ObjectRef.table(schema, name));
            } else if (declared.containsKey(List.of(kind, schema, name))) {
                refs.add(declared.get(List.of(kind, schema, name)));
            } else {
                throw new HclException(attribute.pos(), owner + ": depends on " + ref + ", which is not declared");
            }
        }
        return refs;
    }

    private static SchemaObject withDependsOn(SchemaObject object, List<ObjectRef> refs) {
        if (object instanceof View v) {
            return v.withDependsOn(refs);
        } else if (object instanceof Routine r) {
            return r.withDependsOn(refs);
        } else if (object instanceof Trigger t) {
            return t.withDependsOn(refs);
        } else if (object instanceof Event e) {
            return new Event(e.name(), e.schedule(), e.body(), e.options(), e.comment(), refs);
        }
        return object;
    }
}
