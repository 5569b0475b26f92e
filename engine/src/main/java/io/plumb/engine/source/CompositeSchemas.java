package io.plumb.engine.source;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code CompositeSchemas} merges the members of a {@link CompositeSchemaUrl} when there is no dev database (HCL
 * members only): each member's source is read on its own, its schema is taken as the schema its block names (a
 * source of one schema, whatever its name; otherwise the schema of that name), and the schemas of one name are
 * merged. An object that two members define is an error. With a dev database, {@link CompositeAssembly} loads the
 * members there one after the other instead, so that one can use what an earlier one defines.
 */
final class CompositeSchemas {

    private CompositeSchemas() {}

    /**
     * Merges the members, each loaded by {@code load} from its URL and the realm of the members before it (whose
     * tables an HCL member's foreign keys may reference).
     */
    static Realm merge(CompositeSchemaUrl composite, BiFunction<String, Realm, Realm> load) {
        if (composite.members().isEmpty()) {
            throw new SourceException("composite_schema \"" + composite.name() + "\" has no schema blocks");
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        List<SchemaObject> objects = new ArrayList<>();
        Map<String, Integer> unsupported = new LinkedHashMap<>();
        for (CompositeSchemaUrl.Member member : composite.members()) {
            Realm realm;
            try {
                realm = load.apply(
                        member.url(), new Realm(List.copyOf(schemas.values()), List.copyOf(objects), Map.of()));
            } catch (SourceException | io.plumb.engine.hcl.HclException e) {
                throw new SourceException(member.describe(composite.name()) + ": " + e.getMessage(), e);
            }
            Schema schema = schema(composite, member, realm);
            Schema before = schemas.get(member.schema());
            schemas.put(
                    member.schema(),
                    before == null
                            ? schema
                            : merged("composite_schema \"" + composite.name() + "\": ", before, schema));
            for (SchemaObject object : realm.objects()) {
                if (objects.stream()
                        .noneMatch(o -> o.kind() == object.kind() && o.name().equals(object.name()))) {
                    objects.add(object);
                }
            }
            realm.unsupported().forEach((kind, count) -> unsupported.merge(kind, count, Integer::sum));
        }
        return new Realm(List.copyOf(schemas.values()), objects, unsupported);
    }

    static Schema schema(CompositeSchemaUrl composite, CompositeSchemaUrl.Member member, Realm realm) {
        if (realm.schemas().size() == 1) {
            return realm.schemas().get(0).renamed(member.schema());
        }
        Optional<Schema> named = realm.schema(member.schema());
        if (named.isEmpty()) {
            throw new SourceException("composite_schema \"" + composite.name() + "\": schema \"" + member.schema()
                    + "\": its source " + DatabaseUrl.redactUrl(member.url()) + " holds "
                    + (realm.schemas().isEmpty()
                            ? "no schema"
                            : "the schemas "
                                    + String.join(
                                            ", ",
                                            realm.schemas().stream()
                                                    .map(Schema::name)
                                                    .toList()) + " but not \"" + member.schema() + "\""));
        }
        return named.get();
    }

    /**
     * Returns the two parts of one schema merged.
     *
     * @param prefix the start of the error message about a table or object both parts define
     */
    static Schema merged(String prefix, Schema first, Schema second) {
        List<Table> tables = new ArrayList<>(first.tables());
        for (Table table : second.tables()) {
            if (first.table(table.name()).isPresent()) {
                throw new SourceException(prefix + "table \"" + table.name() + "\" of schema \"" + first.name()
                        + "\" is defined by two schema blocks");
            }
            tables.add(table);
        }
        List<SchemaObject> objects = new ArrayList<>(first.objects());
        for (SchemaObject object : second.objects()) {
            if (first.object(object.kind(), object.identity()).isPresent()) {
                throw new SourceException(prefix
                        + object.kind().name().toLowerCase(java.util.Locale.ROOT) + " \"" + object.name()
                        + "\" of schema \"" + first.name() + "\" is defined by two schema blocks");
            }
            objects.add(object);
        }
        Map<String, String> options = new LinkedHashMap<>(second.options());
        options.putAll(first.options());
        return new Schema(first.name(), tables, first.comment().or(second::comment), options, objects);
    }
}
