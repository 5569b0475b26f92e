package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.SpecBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code TableNames} resolve the references of trigger and event trigger blocks ({@code table.orders}, {@code
 * view.public.v}, {@code function.audit}) to the schema that declares them: a reference without a schema names the
 * one schema of the document that declares a table, view or routine of that kind and name.
 */
final class TableNames {

    private final Realm realm;
    private final Map<String, List<SchemaObject>> objects;

    TableNames(Realm realm, Map<String, List<SchemaObject>> objects) {
        this.realm = realm;
        this.objects = objects;
    }

    /** Returns what the attribute's reference names. */
    ObjectRef resolve(Attribute attribute, SpecBlock block) {
        Value value = attribute.value();
        if (!(value instanceof Value.Ref ref)
                || ref.path().size() < 2
                || ref.path().size() > 3) {
            throw block.expected(attribute, "a reference such as table.NAME or function.NAME");
        }
        ObjectKind kind = null;
        for (ObjectKind k : ObjectKind.values()) {
            if (k.block().equals(ref.path().get(0))) {
                kind = k;
            }
        }
        if (kind == null) {
            throw block.expected(attribute, "a reference such as table.NAME or function.NAME");
        }
        String name = ref.path().get(ref.path().size() - 1);
        if (ref.path().size() == 3) {
            return new ObjectRef(kind, ref.path().get(1), name);
        }
        List<String> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            if (declares(schema, kind, name)) {
                schemas.add(schema.name());
            }
        }
        if (schemas.isEmpty() && realm.schemas().size() == 1) {
            schemas.add(realm.schemas().get(0).name());
        }
        if (schemas.size() != 1) {
            throw new HclException(
                    attribute.pos(),
                    block.owner() + ": " + kind.label() + " \"" + name + "\" "
                            + (schemas.isEmpty()
                                    ? "not found"
                                    : "is declared in several schemas: write " + kind.block() + ".SCHEMA." + name));
        }
        return new ObjectRef(kind, schemas.get(0), name);
    }

    private boolean declares(Schema schema, ObjectKind kind, String name) {
        if (kind == ObjectKind.TABLE) {
            return schema.tables().stream().map(Table::name).anyMatch(name::equals);
        }
        return objects.getOrDefault(schema.name(), List.of()).stream()
                .anyMatch(o -> o.kind() == kind && o.name().equals(name));
    }
}
