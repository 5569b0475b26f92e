package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.spec.HclSyntax;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code EnumSpec} reads and writes the {@code enum "status" { schema = schema.public values = ["a", "b"] }}
 * blocks of PostgreSQL's HCL schema language.
 */
final class EnumSpec {

    private EnumSpec() {}

    /**
     * One declared enum.
     *
     * @param schema the schema name
     * @param name the type name
     * @param values the values in order
     * @param block the enum block, for errors
     */
    record Decl(String schema, String name, List<String> values, Resource block) {

        Decl {
            values = List.copyOf(values);
        }
    }

    /** Returns the enum blocks of a document, in declaration order. */
    static List<Decl> read(Document document) {
        Set<String> schemas = new HashSet<>();
        for (Resource resource : document.resources("schema")) {
            schemas.add(resource.attribute("name")
                    .filter(a -> a.value() instanceof Value.Str)
                    .map(a -> ((Value.Str) a.value()).value())
                    .orElse(resource.labels().isEmpty() ? "" : resource.labels().get(0)));
        }
        List<Decl> decls = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (Resource resource : document.resources("enum")) {
            Decl decl = decl(resource, schemas);
            if (!seen.add(List.of(decl.schema(), decl.name()))) {
                throw new HclException(resource.pos(), owner(decl.name()) + ": declared twice");
            }
            decls.add(decl);
        }
        return decls;
    }

    private static String owner(String name) {
        return "enum \"" + name + "\"";
    }

    private static Decl decl(Resource resource, Set<String> schemas) {
        if (resource.labels().size() != 1) {
            throw new HclException(
                    resource.pos(),
                    "enum block: expected 1 label, found " + resource.labels().size());
        }
        String name = resource.labels().get(0);
        String owner = owner(name);
        for (Attribute attribute : resource.attributes()) {
            if (!Set.of("schema", "values").contains(attribute.name())) {
                throw new HclException(
                        attribute.namePos(), "unsupported attribute \"" + attribute.name() + "\" in " + owner);
            }
        }
        if (!resource.children().isEmpty()) {
            Resource child = resource.children().get(0);
            throw new HclException(child.pos(), "unsupported block \"" + child.type() + "\" in " + owner);
        }
        return new Decl(schema(resource, owner, schemas), name, values(resource, owner), resource);
    }

    private static String schema(Resource resource, String owner, Set<String> schemas) {
        Attribute attribute = resource.attribute("schema")
                .orElseThrow(() -> new HclException(resource.pos(), owner + ": missing schema"));
        if (!(attribute.value() instanceof Value.Ref ref)
                || ref.path().size() != 2
                || !ref.path().get(0).equals("schema")) {
            throw new HclException(
                    attribute.pos(),
                    "attribute \"schema\" of " + owner + ": expected a schema reference (schema.NAME), found "
                            + attribute.value().kind());
        }
        String schema = ref.path().get(1);
        if (!schemas.contains(schema)) {
            throw new HclException(attribute.pos(), owner + ": schema \"" + schema + "\" not found");
        }
        return schema;
    }

    private static List<String> values(Resource resource, String owner) {
        Attribute attribute = resource.attribute("values")
                .orElseThrow(() -> new HclException(resource.pos(), owner + ": missing values"));
        List<String> values = new ArrayList<>();
        if (attribute.value() instanceof Value.ListValue list) {
            for (Value element : list.elements()) {
                if (!(element instanceof Value.Str str)) {
                    throw new HclException(
                            attribute.pos(),
                            "attribute \"values\" of " + owner + ": expected a list of strings, found a list with a "
                                    + element.kind());
                }
                values.add(str.value());
            }
        } else {
            throw new HclException(
                    attribute.pos(),
                    "attribute \"values\" of " + owner + ": expected a list of strings, found "
                            + attribute.value().kind());
        }
        if (values.isEmpty() || new HashSet<>(values).size() != values.size()) {
            throw new HclException(attribute.pos(), owner + ": expected distinct values, found " + values);
        }
        return values;
    }

    /** Returns the realm with each declared enum kept in its schema's options. */
    static Realm attach(Realm realm, List<Decl> decls) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            Map<String, String> options = new LinkedHashMap<>(schema.options());
            for (Decl decl : decls) {
                if (decl.schema().equals(schema.name())) {
                    options.put(PostgresEnums.PREFIX + decl.name(), PostgresEnums.encode(decl.values()));
                }
            }
            schemas.add(new Schema(schema.name(), schema.tables(), schema.comment(), options, schema.objects()));
        }
        return realm.withSchemas(schemas);
    }

    /** Returns the printed enum blocks of a realm, schema by schema. */
    static List<String> write(Realm realm) {
        List<String> blocks = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            PostgresEnums.values(schema)
                    .forEach((name, values) -> blocks.add("enum " + HclSyntax.quote(name)
                            + " {\n  schema = " + HclSyntax.ref(List.of("schema", schema.name())) + "\n  values = "
                            + HclSyntax.list(
                                    values.stream().map(HclSyntax::quote).toList()) + "\n}\n"));
        }
        return blocks;
    }
}
