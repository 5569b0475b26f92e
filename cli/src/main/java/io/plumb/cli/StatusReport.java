package io.plumb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.plumb.engine.migrate.History;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.Revision;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code StatusReport} is what {@code migrate status} says about a database, in the reference layout (reference
 * 4.8) or as JSON with the reference report's fields.
 *
 * @param history the comparison of directory and revisions
 * @param pending the pending files, out-of-order ones included
 * @param partial the last revision, when it is partly applied
 */
record StatusReport(History history, List<MigrationFile> pending, Optional<Revision> partial) {

    static final String NONE_APPLIED = "No migration applied yet";
    static final String AT_LATEST = "Already at latest version";

    static StatusReport of(History history) {
        List<MigrationFile> pending = new ArrayList<>(history.outOfOrder());
        pending.addAll(history.pending());
        return new StatusReport(history, pending, history.resume());
    }

    String status() {
        return pending.isEmpty() ? "OK" : "PENDING";
    }

    String current() {
        return history.last().map(Revision::version).orElse(NONE_APPLIED);
    }

    String next() {
        return pending.isEmpty() ? AT_LATEST : pending.get(0).version();
    }

    /** Returns the report's error: the out-of-order files', else the partly applied revision's. */
    String error() {
        if (!history.outOfOrder().isEmpty()) {
            return History.outOfOrderMessage(history.outOfOrder());
        }
        return partial.flatMap(Revision::error).orElse("").replace("\n", " ");
    }

    void print(PrintWriter out) {
        out.println("Migration Status: " + status());
        // The reference template prints these words unchanged for any count.
        String applied =
                partial.map(r -> " (" + r.applied() + " statements applied)").orElse("");
        String left = partial.map(r -> " (" + (r.total() - r.applied()) + " statements left)")
                .orElse("");
        out.println("  -- Current Version: " + current() + applied);
        out.println("  -- Next Version:    " + next() + left);
        out.println("  -- Executed Files:  " + history.revisions().size()
                + (partial.isPresent() ? " (last one partially)" : ""));
        out.println("  -- Pending Files:   " + pending.size() + outOfOrder());
        if (!history.outOfOrder().isEmpty()) {
            out.println();
            out.println("  ERROR: " + History.outOfOrderMessage(history.outOfOrder()));
        }
        Optional<Revision> failed = partial.filter(r -> r.error().isPresent());
        if (failed.isPresent()) {
            out.println();
            out.println("Last migration attempt had errors:");
            out.println("  -- SQL:   " + oneLine(failed.get().errorStatement().orElse("")));
            out.println("  -- ERROR: " + oneLine(failed.get().error().orElse("")));
        }
        out.flush();
    }

    private String outOfOrder() {
        int count = history.outOfOrder().size();
        if (count == 0) {
            return "";
        }
        return count == pending.size() ? " (out of order)" : " (" + count + " out of order)";
    }

    private static String oneLine(String text) {
        return text.replace("\n", " ");
    }

    String json(MigrateJson.Target target) {
        return MigrateJson.object(json -> {
            MigrateJson.env(json, target);
            MigrateJson.files(json, "Available", history.files());
            MigrateJson.files(json, "Pending", pending);
            json.writeArrayFieldStart("Applied");
            for (Revision revision : history.revisions()) {
                revision(json, revision);
            }
            json.writeEndArray();
            // As the reference's report, these hold what the text layout shows.
            json.writeStringField("Current", current());
            json.writeStringField("Next", next());
            json.writeNumberField("Count", partial.map(Revision::applied).orElse(0));
            json.writeNumberField("Total", partial.map(Revision::total).orElse(0));
            json.writeStringField("Status", status());
            json.writeStringField("Error", error());
            json.writeStringField(
                    "SQL", partial.flatMap(Revision::errorStatement).orElse(""));
        });
    }

    private static void revision(JsonGenerator json, Revision revision) throws IOException {
        json.writeStartObject();
        json.writeStringField("Version", revision.version());
        json.writeStringField("Description", revision.description());
        json.writeNumberField("Type", revision.type());
        json.writeNumberField("Applied", revision.applied());
        json.writeNumberField("Total", revision.total());
        json.writeStringField("ExecutedAt", MigrateJson.time(revision.executedAt()));
        json.writeNumberField("ExecutionTime", revision.executionTime().toNanos());
        json.writeStringField("Error", revision.error().orElse(""));
        json.writeStringField("ErrorStmt", revision.errorStatement().orElse(""));
        json.writeStringField("Hash", revision.hash());
        json.writeArrayFieldStart("PartialHashes");
        for (String hash : revision.partialHashes()) {
            json.writeString(hash);
        }
        json.writeEndArray();
        json.writeStringField("OperatorVersion", revision.operatorVersion());
        json.writeEndObject();
    }
}
