package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.schema.EventTrigger;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclPrinter;
import io.plumb.engine.spec.ObjectSpecs;
import io.plumb.engine.spec.SpecDialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PostgresObjectSpec} reads and writes the object blocks of PostgreSQL's HCL, one kind after the other in
 * this order (which is also the order written, after the tables and enums and before the schemas): {@code view},
 * {@code materialized}, {@code function}, {@code procedure}, {@code aggregate}, {@code trigger}, {@code
 * event_trigger}; within a kind, objects follow the realm's order (schema by schema, as inspected: by name, then
 * argument types).
 */
final class PostgresObjectSpec {

    private static final List<ObjectKind> ORDER = List.of(
            ObjectKind.VIEW,
            ObjectKind.MATERIALIZED_VIEW,
            ObjectKind.FUNCTION,
            ObjectKind.PROCEDURE,
            ObjectKind.AGGREGATE,
            ObjectKind.TRIGGER);

    private PostgresObjectSpec() {}

    /** Returns the realm with the document's objects added. */
    static Realm read(Document document, SpecDialect dialect, Realm realm) {
        Map<String, List<SchemaObject>> objects = new LinkedHashMap<>();
        new PostgresViewSpec(dialect).read(document, objects);
        new RoutineSpec(dialect).read(document, objects);
        TableNames names = new TableNames(realm, objects);
        new PostgresTriggerSpec().read(document, names, objects);
        List<EventTrigger> events = PostgresTriggerSpec.readEvents(document, names);
        Realm attached = ObjectSpecs.attach(realm, objects);
        List<SchemaObject> database = new ArrayList<>(attached.objects());
        database.addAll(events);
        return new Realm(attached.schemas(), database, attached.unsupported());
    }

    /** Returns the printed object blocks of a realm, in {@link #ORDER}, then its event triggers. */
    static List<String> write(SpecDialect dialect, Realm realm) {
        PostgresViewSpec views = new PostgresViewSpec(dialect);
        RoutineSpec routines = new RoutineSpec(dialect);
        List<HclItem> blocks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> ambiguous = new HashSet<>();
        for (Schema schema : realm.schemas()) {
            Set<String> names = new HashSet<>();
            schema.tables().forEach(t -> names.add(t.name()));
            schema.objects().stream().filter(o -> o instanceof View).forEach(o -> names.add(o.name()));
            names.stream().filter(n -> !seen.add(n)).forEach(ambiguous::add);
        }
        for (ObjectKind kind : ORDER) {
            for (Schema schema : realm.schemas()) {
                for (SchemaObject object : schema.objects()) {
                    if (object.kind() != kind) {
                        continue;
                    }
                    if (object instanceof View v) {
                        blocks.add(views.write(schema.name(), v));
                    } else if (object instanceof Routine r) {
                        blocks.add(routines.write(schema.name(), r));
                    } else if (object instanceof Trigger t) {
                        blocks.add(PostgresTriggerSpec.write(schema.name(), t, ambiguous));
                    }
                }
            }
        }
        for (SchemaObject object : realm.objects()) {
            if (object instanceof EventTrigger e) {
                blocks.add(PostgresTriggerSpec.write(e));
            }
        }
        return blocks.isEmpty() ? List.of() : List.of(HclPrinter.print(blocks));
    }
}
