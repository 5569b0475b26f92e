package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ObjectSpecs} are what the HCL blocks of schema objects ({@code view}, {@code function}, {@code trigger},
 * ...) share, whatever the dialect: the object's schema, {@code depends_on} lists, SQL texts written as strings or
 * heredocs, and attaching read objects to their schemas.
 */
public final class ObjectSpecs {

    private ObjectSpecs() {}

    /** Returns the names of the schemas a document declares, in order. */
    public static Set<String> schemas(Document document) {
        Set<String> names = new LinkedHashSet<>();
        for (Resource resource : document.resources("schema")) {
            names.add(resource.attribute("name")
                    .filter(a -> a.value() instanceof Value.Str)
                    .map(a -> ((Value.Str) a.value()).value())
                    .orElse(resource.labels().isEmpty() ? "" : resource.labels().get(0)));
        }
        return names;
    }

    /**
     * Returns the name of an object block's only label, or fails at the block: {@code view block: expected 1 label,
     * found 0}.
     */
    public static String name(Resource resource) {
        if (resource.labels().size() != 1) {
            throw new HclException(
                    resource.pos(),
                    resource.type() + " block: expected 1 label, found "
                            + resource.labels().size());
        }
        return resource.labels().get(0);
    }

    /**
     * Returns an object's schema: its {@code schema} attribute, else the document's only schema.
     *
     * @throws HclException when the schema is missing, ambiguous or not declared
     */
    public static String schemaOf(Resource resource, String owner, Set<String> schemas) {
        return SpecReader.tableSchema(resource, owner, Optional.empty(), schemas);
    }

    /**
     * Returns the {@code depends_on} references of a block: {@code table.NAME}, {@code view.NAME}, {@code
     * function.NAME} and the other object blocks, or {@code KIND.SCHEMA.NAME} for an object of another schema.
     */
    public static List<ObjectRef> dependsOn(SpecBlock block, String schema) {
        Optional<Attribute> attribute = block.attribute("depends_on");
        if (attribute.isEmpty()) {
            return List.of();
        }
        if (!(attribute.get().value() instanceof Value.ListValue list)) {
            throw block.expected(attribute.get(), "a list of references");
        }
        List<ObjectRef> refs = new ArrayList<>();
        for (Value element : list.elements()) {
            refs.add(ref(element, attribute.get(), block, schema));
        }
        return refs;
    }

    /**
     * Returns the object or table a reference attribute names, such as a trigger's {@code on = table.orders}.
     *
     * @param value the attribute's value, or an element of its list
     */
    public static ObjectRef ref(Value value, Attribute attribute, SpecBlock block, String schema) {
        if (value instanceof Value.Ref ref
                && (ref.path().size() == 2 || ref.path().size() == 3)) {
            Optional<ObjectKind> kind = kind(ref.path().get(0));
            if (kind.isPresent()) {
                String refSchema = ref.path().size() == 3 ? ref.path().get(1) : schema;
                return new ObjectRef(
                        kind.get(), refSchema, ref.path().get(ref.path().size() - 1));
            }
        }
        throw new HclException(
                attribute.pos(),
                "attribute \"" + attribute.name() + "\" of " + block.owner()
                        + ": expected a reference such as table.NAME or view.NAME, found "
                        + (value instanceof Value.Ref r ? String.join(".", r.path()) : value.kind()));
    }

    private static Optional<ObjectKind> kind(String block) {
        for (ObjectKind kind : ObjectKind.values()) {
            if (kind.block().equals(block)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Returns the {@code depends_on} expression for the references, or empty when there are none. */
    public static Optional<HclItem> dependsOn(List<ObjectRef> refs, String schema) {
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HclItem.Attr(
                "depends_on",
                HclSyntax.list(refs.stream().map(r -> ref(r, schema)).toList())));
    }

    /** Returns the reference expression of a table or object: {@code table.users}, {@code view.other.v}. */
    public static String ref(ObjectRef ref, String schema) {
        String name = ref.identity();
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        return ref.schema().equals(schema) || ref.schema().isEmpty()
                ? HclSyntax.ref(List.of(ref.kind().block(), name))
                : HclSyntax.ref(List.of(ref.kind().block(), ref.schema(), name));
    }

    /** Returns a SQL text attribute, such as a view's {@code as}, without the final newline a heredoc gives it. */
    public static Optional<String> sql(SpecBlock block, String name) {
        return block.string(name).map(ObjectSpecs::trimEnd);
    }

    /** Returns a required SQL text attribute, failing with {@code OWNER: missing NAME}. */
    public static String requiredSql(SpecBlock block, String name) {
        block.required(name);
        return sql(block, name).orElseThrow();
    }

    /**
     * Returns the HCL expression of a SQL text: a quoted string when it is one line, else a {@code <<-SQL}
     * heredoc, with {@code ${} and {@code %{} escaped so that HCL does not read them as templates.
     */
    public static String sqlText(String sql) {
        String text = trimEnd(sql);
        if (!text.contains("\n") || text.lines().anyMatch(l -> l.strip().equals("SQL"))) {
            return HclSyntax.quote(text);
        }
        return "<<-SQL\n" + text.replace("${", "$${").replace("%{", "%%{") + "\nSQL";
    }

    private static String trimEnd(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * Returns the realm with the objects added to their schemas, after the objects each schema already has.
     *
     * @param objects the objects by schema name
     * @throws HclException at the object's block when its schema is not declared
     */
    public static Realm attach(Realm realm, Map<String, List<SchemaObject>> objects) {
        Map<String, List<SchemaObject>> remaining = new HashMap<>(objects);
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            List<SchemaObject> own = new ArrayList<>(schema.objects());
            own.addAll(remaining.getOrDefault(schema.name(), List.of()));
            remaining.remove(schema.name());
            schemas.add(schema.withObjects(own));
        }
        return realm.withSchemas(schemas);
    }

    /** Returns the schema block label expression used by {@code schema = schema.NAME}. */
    public static HclItem schemaAttr(String schema) {
        return new HclItem.Attr("schema", HclSyntax.ref(List.of("schema", schema)));
    }
}
