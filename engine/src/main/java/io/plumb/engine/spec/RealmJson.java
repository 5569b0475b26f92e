package io.plumb.engine.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RealmJson} writes a realm as the reference tool's {@code {{ json . }}} inspect format: {@code
 * {"schemas":[{"name","tables":[{"name","columns":[{"name","type","null"}],"indexes","primary_key",
 * "foreign_keys"}]}]}}, members in that order (index parts: {@code desc}, then {@code column} or {@code expr}),
 * with empty and false members left out.
 */
public final class RealmJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private RealmJson() {}

    /** Returns the realm as one line of JSON. */
    public static String write(Realm realm) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeArrayFieldStart("schemas");
            for (Schema schema : realm.schemas()) {
                writeSchema(json, schema);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeSchema(JsonGenerator json, Schema schema) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", schema.name());
        if (!schema.tables().isEmpty()) {
            json.writeArrayFieldStart("tables");
            for (Table table : schema.tables()) {
                writeTable(json, table);
            }
            json.writeEndArray();
        }
        writeObjects(json, schema.objects());
        json.writeEndObject();
    }

    /**
     * Writes a schema's objects after its tables, grouped by kind in the model's kind order: {@code "views":
     * [{"name","def"}]}, {@code "funcs"}, {@code "procs"}, {@code "triggers": [{"name","table"}]}, and the other
     * kinds under their HCL block names ({@code "sequences"}, {@code "domains"}, ...).
     */
    private static void writeObjects(JsonGenerator json, List<SchemaObject> objects) throws IOException {
        Map<String, List<SchemaObject>> groups = new LinkedHashMap<>();
        objects.stream().sorted(Comparator.comparing(o -> o.kind().ordinal())).forEach(o -> groups.computeIfAbsent(
                        group(o.kind()), k -> new ArrayList<>())
                .add(o));
        for (Map.Entry<String, List<SchemaObject>> group : groups.entrySet()) {
            json.writeArrayFieldStart(group.getKey());
            for (SchemaObject object : group.getValue()) {
                json.writeStartObject();
                json.writeStringField("name", object.name());
                if (object instanceof View view) {
                    json.writeStringField("def", view.query());
                } else if (object instanceof Trigger trigger) {
                    json.writeStringField("table", trigger.on().identity());
                } else if (object instanceof Routine routine
                        && !routine.signature().isEmpty()) {
                    json.writeStringField("args", routine.signature());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static String group(ObjectKind kind) {
        return switch (kind) {
            case VIEW -> "views";
            case MATERIALIZED_VIEW -> "materialized";
            case FUNCTION -> "funcs";
            case PROCEDURE -> "procs";
            default -> kind.block() + "s";
        };
    }

    private static void writeTable(JsonGenerator json, Table table) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", table.name());
        writeColumns(json, table);
        writeIndexes(json, table);
        if (table.primaryKey().isPresent()) {
            json.writeObjectFieldStart("primary_key");
            if (!table.primaryKey().get().name().isEmpty()) {
                json.writeStringField("name", table.primaryKey().get().name());
            }
            writeParts(json, table.primaryKey().get().parts());
            json.writeEndObject();
        }
        if (!table.foreignKeys().isEmpty()) {
            json.writeArrayFieldStart("foreign_keys");
            for (ForeignKey key : table.foreignKeys()) {
                writeForeignKey(json, key);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void writeColumns(JsonGenerator json, Table table) throws IOException {
        json.writeArrayFieldStart("columns");
        for (Column column : table.columns()) {
            json.writeStartObject();
            json.writeStringField("name", column.name());
            // The reference prints the type as the database reported it (Go's omitempty drops an empty one).
            String type = column.reportedType();
            if (!type.isEmpty()) {
                json.writeStringField("type", type);
            }
            if (column.nullable()) {
                json.writeBooleanField("null", true);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeIndexes(JsonGenerator json, Table table) throws IOException {
        if (table.indexes().isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("indexes");
        for (Index index : table.indexes()) {
            json.writeStartObject();
            json.writeStringField("name", index.name());
            if (index.unique()) {
                json.writeBooleanField("unique", true);
            }
            writeParts(json, index.parts());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeParts(JsonGenerator json, List<IndexPart> parts) throws IOException {
        json.writeArrayFieldStart("parts");
        for (IndexPart part : parts) {
            json.writeStartObject();
            if (part.desc()) {
                json.writeBooleanField("desc", true);
            }
            json.writeStringField(part.isExpression() ? "expr" : "column", part.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeForeignKey(JsonGenerator json, ForeignKey key) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", key.name());
        writeStrings(json, "columns", key.columns());
        json.writeObjectFieldStart("references");
        json.writeStringField("table", key.refTable());
        writeStrings(json, "columns", key.refColumns());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
