package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.HclSyntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ChildTableSpec} reads and writes the table attributes of partitions and inheriting tables: {@code
 * partition_of = table.events} with {@code partition_bound = "FOR VALUES FROM (1) TO (10)"}, and {@code inherits =
 * [table.base]}. They name tables, which the shared table reader does not resolve, so they are taken out of the
 * document before it reads the tables and resolved against the realm after ({@link ChildTables} holds the model).
 */
final class ChildTableSpec {

    private static final Set<String> NAMES = Set.of(ChildTables.PARTITION_OF, ChildTables.BOUND, ChildTables.INHERITS);

    /** The attributes taken out of one table block. */
    private record Links(String schema, String table, Map<String, Attribute> attributes) {}

    private final Document document;
    private final List<Links> links;

    private ChildTableSpec(Document document, List<Links> links) {
        this.document = document;
        this.links = links;
    }

    /** Returns the document without the child-table attributes, and those attributes. */
    static ChildTableSpec strip(Document document) {
        List<String> schemas = new ArrayList<>();
        for (Resource resource : document.resources("schema")) {
            schemas.add(resource.attribute("name")
                    .filter(a -> a.value() instanceof Value.Str)
                    .map(a -> ((Value.Str) a.value()).value())
                    .orElse(resource.labels().isEmpty() ? "" : resource.labels().get(0)));
        }
        List<Links> links = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (Resource resource : document.resources()) {
            if (!resource.type().equals("table")
                    || resource.attributes().stream().noneMatch(a -> NAMES.contains(a.name()))) {
                resources.add(resource);
                continue;
            }
            Map<String, Attribute> taken = new LinkedHashMap<>();
            List<Attribute> kept = new ArrayList<>();
            for (Attribute attribute : resource.attributes()) {
                if (NAMES.contains(attribute.name())) {
                    taken.put(attribute.name(), attribute);
                } else {
                    kept.add(attribute);
                }
            }
            links.add(new Links(schema(resource, schemas), name(resource), taken));
            resources.add(new Resource(resource.type(), resource.labels(), kept, resource.children(), resource.pos()));
        }
        return new ChildTableSpec(new Document(resources), links);
    }

    Document document() {
        return document;
    }

    /** Returns the realm with the parents and bounds of the stripped attributes in its tables' options. */
    Realm attach(Realm realm) {
        Map<List<String>, Map<String, String>> options = new HashMap<>();
        for (Links link : links) {
            String owner = "table \"" + link.table() + "\"";
            Map<String, String> put = new LinkedHashMap<>();
            Attribute of = link.attributes().get(ChildTables.PARTITION_OF);
            Attribute bound = link.attributes().get(ChildTables.BOUND);
            Attribute inherits = link.attributes().get(ChildTables.INHERITS);
            if (of != null && bound == null) {
                throw new HclException(of.pos(), owner + ": partition_of needs partition_bound");
            }
            if (of == null && bound != null) {
                throw new HclException(bound.pos(), owner + ": partition_bound needs partition_of");
            }
            if (of != null && inherits != null) {
                throw new HclException(inherits.pos(), owner + ": a partition cannot also inherit");
            }
            if (of != null) {
                put.put(ChildTables.PARTITION_OF, resolve(realm, link, of, of.value(), owner));
                if (bound == null || !(bound.value() instanceof Value.Str str)) {
                    throw new HclException(
                            of.pos(), "attribute \"partition_bound\" of " + owner + ": expected a string");
                }
                put.put(ChildTables.BOUND, str.value());
            }
            if (inherits != null) {
                if (!(inherits.value() instanceof Value.ListValue list)
                        || list.elements().isEmpty()) {
                    throw new HclException(
                            inherits.pos(),
                            "attribute \"inherits\" of " + owner + ": expected a list of table references");
                }
                List<String> parents = new ArrayList<>();
                for (Value element : list.elements()) {
                    parents.add(resolve(realm, link, inherits, element, owner));
                }
                put.put(ChildTables.INHERITS, String.join(", ", parents));
            }
            options.put(List.of(link.schema(), link.table()), put);
        }
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            schemas.add(schema.withTables(schema.tables().stream()
                    .map(t -> {
                        Map<String, String> extra = options.get(List.of(schema.name(), t.name()));
                        if (extra == null) {
                            return t;
                        }
                        Map<String, String> all = new LinkedHashMap<>(extra);
                        all.putAll(t.options());
                        return withOptions(t, all);
                    })
                    .toList()));
        }
        return realm.withSchemas(schemas);
    }

    /** Returns the realm with its child-table options as the HCL text the writer prints for them. */
    static Realm forWriting(Realm realm) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            schemas.add(schema.withTables(schema.tables().stream()
                    .map(t -> {
                        if (ChildTables.parents(t.options()).isEmpty()) {
                            return t;
                        }
                        Map<String, String> options = new LinkedHashMap<>(t.options());
                        List<String> refs = ChildTables.parents(t.options()).stream()
                                .map(p -> ref(schema.name(), p))
                                .toList();
                        if (options.containsKey(ChildTables.PARTITION_OF)) {
                            options.put(ChildTables.PARTITION_OF, refs.get(0));
                        } else {
                            options.put(ChildTables.INHERITS, HclSyntax.list(refs));
                        }
                        return withOptions(t, options);
                    })
                    .toList()));
        }
        return realm.withSchemas(schemas);
    }

    private static String ref(String schema, String qualifiedName) {
        List<String> names = ChildTables.names(qualifiedName);
        return names.get(0).equals(schema)
                ? HclSyntax.ref(List.of("table", names.get(1)))
                : HclSyntax.ref(List.of("table", names.get(0), names.get(1)));
    }

    private static String resolve(Realm realm, Links link, Attribute attribute, Value value, String owner) {
        if (value instanceof Value.Ref ref
                && ref.path().get(0).equals("table")
                && (ref.path().size() == 2 || ref.path().size() == 3)) {
            String table = ref.path().get(ref.path().size() - 1);
            List<String> candidates = new ArrayList<>();
            if (ref.path().size() == 3) {
                candidates.add(ref.path().get(1));
            } else {
                candidates.add(link.schema());
                realm.schemas().forEach(s -> candidates.add(s.name()));
            }
            for (String schema : candidates) {
                Optional<Schema> found = realm.schema(schema);
                if (found.isPresent() && found.get().table(table).isPresent()) {
                    return ChildTables.qualified(schema, table);
                }
            }
            throw new HclException(attribute.pos(), owner + ": table \"" + table + "\" not found");
        }
        throw new HclException(
                attribute.pos(),
                "attribute \"" + attribute.name() + "\" of " + owner + ": expected a table reference, found "
                        + value.kind());
    }

    private static String name(Resource resource) {
        return resource.attribute("name")
                .filter(a -> a.value() instanceof Value.Str)
                .map(a -> ((Value.Str) a.value()).value())
                .orElse(
                        resource.labels().isEmpty()
                                ? ""
                                : resource.labels().get(resource.labels().size() - 1));
    }

    private static String schema(Resource resource, List<String> schemas) {
        Optional<Attribute> schema = resource.attribute("schema");
        if (schema.isPresent()
                && schema.get().value() instanceof Value.Ref ref
                && ref.path().size() == 2) {
            return ref.path().get(1);
        }
        if (resource.labels().size() == 2) {
            return resource.labels().get(0);
        }
        return schemas.size() == 1 ? schemas.get(0) : "";
    }

    static Table withOptions(Table t, Map<String, String> options) {
        return new Table(
                t.name(), t.columns(), t.primaryKey(), t.indexes(), t.foreignKeys(), t.checks(), t.comment(), options);
    }
}
