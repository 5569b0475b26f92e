package io.plumb.engine.drift;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code DriftJson} writes a drift report as one JSON object, the shape {@code plumb migrate drift --format json}
 * prints and the agent stores:
 *
 * <pre>{@code
 * {"status": "DRIFTED", "current_version": "2", "latest_version": "3", "pending_files": ["3_c.sql"],
 *  "expected_source": "file://migrations (local)",
 *  "diverged": [{"kind": "column", "name": "public.users.email", "change": "added", "detail": ""}],
 *  "hcl_diff": "--- expected state\n+++ actual state\n@@ ...", "fix_sql": ["ALTER TABLE ..."],
 *  "destructive": true, "error": null, "unsupported": {"rule": 1}}
 * }</pre>
 *
 * <p>{@code status} is {@code SYNCED}, {@code PENDING}, {@code DRIFTED} or {@code FAILED}; versions and {@code
 * error} are {@code null} when absent. The realms are not written: their HCL is in the diff.
 */
public final class DriftJson {

    private static final JsonFactory JSON = new JsonFactory();

    private DriftJson() {}

    /** Returns the report as a one-line JSON object. */
    public static String of(DriftReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("status", report.status().name());
            nullable(json, "current_version", report.currentVersion());
            nullable(json, "latest_version", report.latestVersion());
            strings(json, "pending_files", report.pendingFiles());
            json.writeStringField("expected_source", report.expectedSource());
            json.writeArrayFieldStart("diverged");
            for (DivergedObject object : report.diverged()) {
                json.writeStartObject();
                json.writeStringField("kind", object.kind());
                json.writeStringField("name", object.qualifiedName());
                json.writeStringField("change", object.change().label());
                json.writeStringField("detail", object.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("hcl_diff", report.hclDiff());
            strings(json, "fix_sql", report.fixStatements());
            json.writeBooleanField("destructive", report.destructive());
            nullable(json, "error", report.error().orElse(null));
            json.writeObjectFieldStart("unsupported");
            for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(report.unsupported()).entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return text.toString();
    }

    private static void nullable(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
