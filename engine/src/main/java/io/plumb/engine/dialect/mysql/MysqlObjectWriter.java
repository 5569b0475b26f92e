package io.plumb.engine.dialect.mysql;

import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.Event;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclPrinter;
import io.plumb.engine.spec.HclSyntax;
import io.plumb.engine.spec.ObjectSpecs;
import io.plumb.engine.spec.TriggerSpec;
import io.plumb.engine.spec.ViewSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code MysqlObjectWriter} prints the views, functions, procedures, triggers and events of a realm as HCL
 * blocks, in one deterministic order whatever order they were read in: by kind (views, functions, procedures,
 * triggers, events), then by schema in realm order, then by name. Views and triggers are the shared blocks ({@link
 * ViewSpec}, {@link TriggerSpec}); a routine's block is {@code schema}, its {@code arg} blocks, {@code return},
 * {@code as}, its options and {@code comment}; an event's is {@code schema}, {@code at} or {@code every} with
 * {@code starts} and {@code ends}, {@code as}, its options and {@code comment}.
 */
final class MysqlObjectWriter {

    private static final List<ObjectKind> ORDER =
            List.of(ObjectKind.VIEW, ObjectKind.FUNCTION, ObjectKind.PROCEDURE, ObjectKind.TRIGGER, ObjectKind.EVENT);

    private MysqlObjectWriter() {}

    /** Returns the printed blocks, or nothing when the realm has no objects. */
    static List<String> write(Realm realm, MysqlSpecDialect dialect) {
        ViewSpec views = new ViewSpec(dialect, MysqlObjectReader.VIEW_OPTIONS);
        TriggerSpec triggers = new TriggerSpec(MysqlObjectReader.TRIGGER_OPTIONS);
        List<HclItem> blocks = new ArrayList<>();
        for (ObjectKind kind : ORDER) {
            for (Schema schema : realm.schemas()) {
                List<SchemaObject> objects = schema.objects().stream()
                        .filter(o -> o.kind() == kind)
                        .sorted(Comparator.comparing(SchemaObject::name))
                        .toList();
                for (SchemaObject object : objects) {
                    if (object instanceof View v) {
                        blocks.add(views.write(schema.name(), v));
                    } else if (object instanceof Trigger t) {
                        blocks.add(trigger(triggers, realm, schema.name(), t));
                    } else if (object instanceof Routine r) {
                        blocks.add(routine(schema.name(), r));
                    } else if (object instanceof Event e) {
                        blocks.add(event(schema.name(), e));
                    }
                }
            }
        }
        return blocks.isEmpty() ? List.of() : List.of(HclPrinter.print(blocks));
    }

    // The order a trigger follows is its follows option, not a depends_on; several schemas need the trigger's own.
    private static HclItem trigger(TriggerSpec spec, Realm realm, String schema, Trigger trigger) {
        HclItem.Block block = (HclItem.Block) spec.write(schema, trigger.withDependsOn(List.of()));
        if (realm.schemas().size() < 2) {
            return block;
        }
        List<HclItem> body = new ArrayList<>();
        body.add(ObjectSpecs.schemaAttr(schema));
        body.addAll(block.body());
        return new HclItem.Block(block.type(), block.labels(), body);
    }

    private static HclItem routine(String schema, Routine routine) {
        List<HclItem> body = new ArrayList<>();
        body.add(ObjectSpecs.schemaAttr(schema));
        for (Argument argument : routine.arguments()) {
            List<HclItem> arg = new ArrayList<>();
            arg.add(new HclItem.Attr("type", type(argument.type())));
            argument.mode().ifPresent(m -> arg.add(new HclItem.Attr("mode", m)));
            body.add(new HclItem.Block("arg", List.of(argument.name()), arg));
        }
        routine.returns().ifPresent(r -> body.add(new HclItem.Attr("return", type(r))));
        body.add(new HclItem.Attr("as", ObjectSpecs.sqlText(routine.body())));
        options(routine.options(), body);
        routine.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        ObjectSpecs.dependsOn(routine.dependsOn(), schema).ifPresent(body::add);
        return new HclItem.Block(routine.kind().block(), List.of(routine.name()), body);
    }

    private static HclItem event(String schema, Event event) {
        List<HclItem> body = new ArrayList<>();
        body.add(ObjectSpecs.schemaAttr(schema));
        MysqlEventSchedule schedule = MysqlEventSchedule.parse(event.schedule());
        if (!schedule.at().isEmpty()) {
            body.add(new HclItem.Attr("at", HclSyntax.quote(schedule.at())));
        } else {
            body.add(new HclItem.Attr("every", HclSyntax.quote(schedule.every())));
        }
        if (!schedule.starts().isEmpty()) {
            body.add(new HclItem.Attr("starts", HclSyntax.quote(schedule.starts())));
        }
        if (!schedule.ends().isEmpty()) {
            body.add(new HclItem.Attr("ends", HclSyntax.quote(schedule.ends())));
        }
        body.add(new HclItem.Attr("as", ObjectSpecs.sqlText(event.body())));
        options(event.options(), body);
        event.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        ObjectSpecs.dependsOn(event.dependsOn(), schema).ifPresent(body::add);
        return new HclItem.Block("event", List.of(event.name()), body);
    }

    // Options are identifiers (READS_SQL_DATA, PRESERVE), but deterministic, a bool.
    private static void options(Map<String, String> options, List<HclItem> body) {
        options.forEach((key, value) -> body.add(new HclItem.Attr(key, value)));
    }

    private static String type(String type) {
        return HclSyntax.type(MysqlObjectTypes.columnType(type));
    }
}
