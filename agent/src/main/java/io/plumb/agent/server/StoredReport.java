package io.plumb.agent.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code StoredReport} is the part of a drift report the dashboard shows, read back from the JSON the store keeps
 * (the shape of {@code io.plumb.engine.drift.DriftJson}, as {@code plumb migrate drift --format json} prints it), so that a target's page still shows its diff and SQL after the agent restarts.
 * The expected schema itself is not stored; the diagram returns with the target's next check.
 *
 * @param drifted whether the report's status is {@code DRIFTED}
 * @param hclDiff the unified HCL diff, empty when none was stored
 * @param fixStatements the SQL that brings the database back
 * @param destructive whether that SQL may lose data
 * @param diverged the names of the diverged objects
 */
record StoredReport(
        boolean drifted, String hclDiff, List<String> fixStatements, boolean destructive, Set<String> diverged) {

    StoredReport {
        fixStatements = List.copyOf(fixStatements);
        diverged = Set.copyOf(diverged);
    }

    /** Reads a stored report; a blank, empty or unreadable one reads as no drift. */
    static StoredReport parse(String json) {
        boolean drifted = false;
        String hclDiff = "";
        List<String> fixes = new ArrayList<>();
        boolean destructive = false;
        Set<String> diverged = new LinkedHashSet<>();
        if (json.isBlank()) {
            return new StoredReport(false, "", List.of(), false, Set.of());
        }
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new StoredReport(false, "", List.of(), false, Set.of());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "status" -> drifted = "DRIFTED".equals(parser.getValueAsString());
                    case "hcl_diff" -> hclDiff = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "destructive" -> destructive = value == JsonToken.VALUE_TRUE;
                    case "fix_sql" -> strings(parser, value, fixes);
                    case "diverged" -> names(parser, value, diverged);
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // A report the store mangled shows as none rather than failing the page.
            return new StoredReport(false, "", List.of(), false, Set.of());
        }
        return new StoredReport(drifted, hclDiff, fixes, destructive, diverged);
    }

    private static void strings(JsonParser parser, JsonToken value, List<String> into) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            into.add(parser.getText());
        }
    }

    private static void names(JsonParser parser, JsonToken value, Set<String> into) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("name")) {
                    into.add(parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
    }
}
