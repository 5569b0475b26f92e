package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclPrinter;
import io.plumb.engine.spec.ObjectSpecs;
import io.plumb.engine.spec.SchemaSpec;
import io.plumb.engine.spec.SpecReader;
import io.plumb.engine.spec.SpecWriter;
import io.plumb.engine.spec.TriggerSpec;
import io.plumb.engine.spec.ViewSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code SqliteSchemaSpec} is SQLite's HCL schema language: the shared reader and writer with SQLite's types,
 * its {@code main} schema and its table, column and index attributes, and its {@code view} and {@code trigger}
 * blocks.
 */
public final class SqliteSchemaSpec implements SchemaSpec {

    private final SpecReader reader;
    private final SpecWriter writer;
    private final ViewSpec views;
    private final TriggerSpec triggers = new TriggerSpec(List.of());

    /** Creates the SQLite spec. */
    public SqliteSchemaSpec() {
        SqliteSpecDialect dialect = new SqliteSpecDialect();
        this.reader = new SpecReader(dialect);
        this.writer = new SpecWriter(dialect);
        this.views = new ViewSpec(dialect, List.of());
    }

    @Override
    public Realm read(Document document) {
        return read(document, new Realm(List.of()));
    }

    @Override
    public Realm read(Document document, Realm known) {
        Realm realm = reader.read(document, known);
        Map<String, List<SchemaObject>> objects = new LinkedHashMap<>();
        views.read(document, ObjectKind.VIEW)
                .forEach((schema, list) ->
                        objects.computeIfAbsent(schema, s -> new ArrayList<>()).addAll(list));
        triggers.read(document).forEach((schema, list) -> objects.computeIfAbsent(schema, s -> new ArrayList<>())
                .addAll(list));
        return ObjectSpecs.attach(realm, objects);
    }

    /** Writes the tables, then the views and the triggers, then the schema, each kind in the realm's order. */
    @Override
    public String write(Realm realm) {
        List<HclItem> blocks = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            for (SchemaObject object : schema.objects()) {
                if (object instanceof View v) {
                    blocks.add(views.write(schema.name(), v));
                }
            }
        }
        for (Schema schema : realm.schemas()) {
            for (SchemaObject object : schema.objects()) {
                if (object instanceof Trigger t) {
                    blocks.add(triggers.write(schema.name(), t));
                }
            }
        }
        return writer.write(realm, blocks.isEmpty() ? List.of() : List.of(HclPrinter.print(blocks)));
    }
}
