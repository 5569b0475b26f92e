package io.plumb.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.revert.DownReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code MigrateJson} writes the reports of {@code migrate apply} and {@code migrate status} as the reference
 * tool's {@code --format '{{ json . }}'} does: one JSON object on one line, with its field names.
 */
final class MigrateJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** The environment of a report: the driver, the redacted URL, the directory. */
    record Target(String driver, String url, String dir) {}

    /** A body of JSON fields, written into an object. */
    interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private MigrateJson() {}

    static String apply(Target target, ApplyReport report, Optional<String> message) {
        return object(json -> {
            env(json, target);
            files(json, "Pending", report.pending());
            json.writeArrayFieldStart("Applied");
            for (ApplyReport.AppliedFile file : report.applied()) {
                appliedFile(json, file);
            }
            json.writeEndArray();
            json.writeStringField("Current", report.current());
            json.writeStringField("Target", report.target());
            json.writeStringField("Start", time(report.start()));
            json.writeStringField("End", time(report.end()));
            if (report.error().isPresent()) {
                json.writeStringField("Error", report.error().get());
            }
            if (message.isPresent()) {
                json.writeStringField("Message", message.get());
            }
        });
    }

    /** Returns {@code migrate down}'s report in the fields of the reference tool's {@code MigrateDown}. */
    static String down(String url, DownReport report) {
        return object(json -> {
            files(json, "Planned", report.planned());
            json.writeArrayFieldStart("Reverted");
            for (DownReport.RevertedFile file : report.reverted()) {
                json.writeStartObject();
                fileFields(json, file.file());
                json.writeStringField("Start", time(file.start()));
                json.writeStringField("End", time(file.end()));
                json.writeNumberField("Skipped", 0);
                json.writeArrayFieldStart("Applied");
                for (String statement : file.applied()) {
                    json.writeString(statement);
                }
                json.writeEndArray();
                json.writeStringField("Scope", "versions");
                if (file.error().isPresent()) {
                    json.writeObjectFieldStart("Error");
                    json.writeStringField("Stmt", file.error().get().statement());
                    json.writeStringField("Text", file.error().get().text());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("Current", report.current());
            json.writeStringField("Target", report.target());
            json.writeNumberField("Total", report.total());
            json.writeStringField("Start", time(report.start()));
            json.writeStringField("End", time(report.end()));
            json.writeStringField("URL", url);
            json.writeStringField("Status", report.status());
            if (report.error().isPresent()) {
                json.writeStringField("Error", report.error().get());
            }
        });
    }

    private static void appliedFile(JsonGenerator json, ApplyReport.AppliedFile file) throws IOException {
        json.writeStartObject();
        fileFields(json, file.file());
        json.writeStringField("Start", time(file.start()));
        json.writeStringField("End", time(file.end()));
        json.writeNumberField("Skipped", file.skipped());
        json.writeArrayFieldStart("Applied");
        for (String statement : file.statements()) {
            json.writeString(statement);
        }
        json.writeEndArray();
        if (file.error().isPresent()) {
            json.writeObjectFieldStart("Error");
            json.writeStringField("Stmt", file.error().get().statement());
            json.writeStringField("Text", file.error().get().text());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    static void env(JsonGenerator json, Target target) throws IOException {
        json.writeObjectFieldStart("Env");
        json.writeStringField("Driver", target.driver());
        json.writeStringField("URL", target.url());
        json.writeStringField("Dir", target.dir());
        json.writeEndObject();
    }

    static void files(JsonGenerator json, String field, List<MigrationFile> files) throws IOException {
        json.writeArrayFieldStart(field);
        for (MigrationFile file : files) {
            json.writeStartObject();
            fileFields(json, file);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void fileFields(JsonGenerator json, MigrationFile file) throws IOException {
        json.writeStringField("Name", file.name());
        json.writeStringField("Version", file.version());
        json.writeStringField("Description", file.description());
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String object(Fields fields) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return text.toString();
    }
}
