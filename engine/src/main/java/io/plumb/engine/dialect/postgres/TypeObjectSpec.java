package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.CompositeType;
import io.plumb.engine.schema.Domain;
import io.plumb.engine.schema.Extension;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Policy;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Sequence;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclPrinter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code TypeObjectSpec} is the part of PostgreSQL's HCL schema language for sequences, domains, composite
 * types, extensions and policies: it declares the domain and composite types a document's columns may name, reads
 * the blocks into the realm, and writes them after the tables and enums in the order composite, domain, sequence,
 * policy, extension, each kind in schema and name order.
 */
final class TypeObjectSpec {

    /** The block types this spec reads. */
    static final Set<String> BLOCKS = Set.of("sequence", "domain", "composite", "extension", "policy");

    /**
     * One object block read.
     *
     * @param schema the schema the object belongs to
     * @param object the object
     */
    record Read(String schema, SchemaObject object) {}

    private TypeObjectSpec() {}

    /** Registers the domain and composite types of a document, so that columns can name them. */
    static void declare(Document document, PostgresEnums types) {
        for (String kind : List.of("domain", "composite")) {
            for (Resource resource : document.resources(kind)) {
                if (resource.labels().size() == 1
                        && resource.attribute("schema").map(Attribute::value).orElse(null) instanceof Value.Ref ref
                        && ref.path().size() == 2) {
                    types.add(kind, ref.path().get(1), resource.labels().get(0));
                }
            }
        }
    }

    /** Returns the realm with the objects of the document's blocks added to their schemas and to the realm. */
    static Realm attach(Realm realm, Document document, PostgresSpecDialect dialect) {
        Set<String> schemas = realm.schemas().stream().map(Schema::name).collect(Collectors.toSet());
        Map<String, List<SchemaObject>> objects = new LinkedHashMap<>();
        List<SchemaObject> extensions = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (Resource resource : document.resources()) {
            Read read;
            switch (resource.type()) {
                case "sequence" -> read = SequenceSpec.read(resource, schemas);
                case "domain" -> read = DomainSpec.read(resource, schemas, dialect);
                case "composite" -> read = CompositeSpec.read(resource, schemas, dialect);
                case "policy" -> read = PolicyObjects.read(resource, realm);
                case "extension" -> {
                    Extension extension = ExtensionObjects.read(resource, schemas);
                    read = new Read("", extension);
                }
                default -> {
                    continue;
                }
            }
            SchemaObject object = read.object();
            // Domains and composite types share the type namespace of their schema, as enums do.
            String space = object.kind() == ObjectKind.DOMAIN || object.kind() == ObjectKind.COMPOSITE
                    ? "type"
                    : object.kind().block();
            if (!seen.add(List.of(space, read.schema(), object.identity()))) {
                throw new HclException(
                        resource.pos(), object.kind().label() + " \"" + object.name() + "\": declared twice");
            }
            if (read.schema().isEmpty()) {
                extensions.add(object);
            } else {
                objects.computeIfAbsent(read.schema(), k -> new ArrayList<>()).add(object);
            }
        }
        List<Schema> result = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            List<SchemaObject> all = new ArrayList<>(schema.objects());
            all.addAll(objects.getOrDefault(schema.name(), List.of()));
            result.add(schema.withObjects(all));
        }
        List<SchemaObject> realmObjects = new ArrayList<>(realm.objects());
        realmObjects.addAll(extensions);
        return new Realm(result, realmObjects, realm.unsupported());
    }

    /** Returns the printed blocks of the realm's sequences, domains, composite types, policies and extensions. */
    static List<String> write(Realm realm, PostgresSpecDialect dialect) {
        List<HclItem> items = new ArrayList<>();
        Set<String> policyTables = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        for (Schema schema : realm.schemas()) {
            schema.tables().forEach(t -> {
                if (!policyTables.add(t.name())) {
                    duplicates.add(t.name());
                }
            });
        }
        for (ObjectKind kind :
                List.of(ObjectKind.COMPOSITE, ObjectKind.DOMAIN, ObjectKind.SEQUENCE, ObjectKind.POLICY)) {
            for (Schema schema : realm.schemas()) {
                for (SchemaObject object : schema.objects()) {
                    if (object.kind() != kind) {
                        continue;
                    }
                    if (object instanceof CompositeType c) {
                        items.add(CompositeSpec.write(schema.name(), c, dialect));
                    } else if (object instanceof Domain d) {
                        items.add(DomainSpec.write(schema.name(), d, dialect));
                    } else if (object instanceof Sequence s) {
                        items.add(SequenceSpec.write(schema.name(), s));
                    } else if (object instanceof Policy p) {
                        items.add(PolicyObjects.write(schema.name(), p, duplicates.contains(p.table())));
                    }
                }
            }
        }
        for (SchemaObject object : realm.objects()) {
            if (object instanceof Extension e) {
                items.add(ExtensionObjects.write(e));
            }
        }
        return items.isEmpty() ? List.of() : List.of(HclPrinter.print(items));
    }

    /**
     * Reads the {@code type} attribute of a domain or field, canonical as inspection reports it; a domain or
     * composite type it names is added to {@code dependsOn}.
     */
    static ColumnType type(ObjectBlock block, PostgresSpecDialect dialect, List<ObjectRef> dependsOn) {
        Attribute attribute = block.attribute("type").orElseThrow(() -> block.error("missing type"));
        ColumnType type = dialect.readType(attribute, block.owner());
        if (attribute.value() instanceof Value.Ref ref && !ref.path().get(0).equals("enum")) {
            String sql = type.sql();
            String schema = sql.substring(1, sql.indexOf("\".\"")).replace("\"\"", "\"");
            ObjectKind kind = ref.path().get(0).equals("domain") ? ObjectKind.DOMAIN : ObjectKind.COMPOSITE;
            dependsOn.add(new ObjectRef(kind, schema, ref.path().get(1)));
        }
        return PostgresTypes.canonical(type);
    }

    /** Returns the column type of a type's SQL text as the model keeps it on domains. */
    static ColumnType columnType(String sql) {
        return sql.startsWith("\"") ? new ColumnType.Raw(sql) : PostgresTypes.fromCatalog(sql);
    }
}
