package io.plumb.agent.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.plumb.agent.Agent;
import io.plumb.agent.TargetStatus;
import io.plumb.agent.store.ChangelogEntry;
import io.plumb.agent.store.TargetState;
import io.plumb.agent.web.Dashboard;
import io.plumb.agent.web.TargetDetail;
import io.plumb.agent.web.TargetRow;
import io.plumb.engine.drift.DivergedObject;
import io.plumb.engine.drift.DriftReport;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code Routes} maps a request's method and path to the agent's answer. */
final class Routes {

    private static final int CHANGELOG_LIMIT = 100;

    private final Agent agent;

    Routes(Agent agent) {
        this.agent = agent;
    }

    Response route(String method, String rawPath) {
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean post = method.equals("POST");
        if (rawPath.equals("/metrics") && get) {
            return new Response(
                    200,
                    "text/plain; version=0.0.4; charset=utf-8",
                    agent.metrics()
                            .prometheus(agent.store().targets(), agent.store().outboxCounts()));
        }
        if (rawPath.equals("/api/targets") && get) {
            return Response.json(200, targets(agent.store().targets()));
        }
        if (rawPath.equals("/api/check") && post) {
            agent.checkNow(Optional.empty());
            return Response.json(202, "{\"queued\":\"all\"}");
        }
        if (rawPath.startsWith("/api/targets/")) {
            String rest = rawPath.substring("/api/targets/".length());
            if (rest.endsWith("/changelog") && get) {
                return changelog(ApiServer.decode(rest.substring(0, rest.length() - "/changelog".length())));
            }
            if (rest.endsWith("/check") && post) {
                String name = ApiServer.decode(rest.substring(0, rest.length() - "/check".length()));
                if (agent.target(name).isEmpty()) {
                    return Response.notFound("target \"" + name + "\"");
                }
                agent.checkNow(Optional.of(name));
                return Response.json(202, "{\"queued\":" + Json.quote(name) + "}");
            }
            if (get) {
                String name = ApiServer.decode(rest);
                return agent.store()
                        .target(name)
                        .map(t -> Response.json(200, target(t)))
                        .orElse(Response.notFound("target \"" + name + "\""));
            }
        }
        if (rawPath.equals("/") && get) {
            return Response.html(Dashboard.targetsPage(
                    agent.store().targets().stream().map(Routes::row).toList()));
        }
        if (rawPath.startsWith("/targets/") && get) {
            String name = ApiServer.decode(rawPath.substring("/targets/".length()));
            Optional<TargetState> state = agent.store().target(name);
            if (state.isEmpty()) {
                return Response.notFound("target \"" + name + "\"");
            }
            return Response.html(Dashboard.targetPage(detail(state.get())));
        }
        if (get || post) {
            return Response.notFound("path " + rawPath);
        }
        return Response.json(405, "{\"error\":\"method not allowed\"}");
    }

    private TargetDetail detail(TargetState state) {
        List<io.plumb.agent.web.ChangelogEntry> changelog = agent.store().changelog(state.name(), 20).stream()
                .map(e -> new io.plumb.agent.web.ChangelogEntry(e.at(), summary(e), e.diff()))
                .toList();
        Optional<DriftReport> report = agent.lastReport(state.name());
        if (report.isEmpty()) {
            // Checked by an earlier run of the agent (or by another agent sharing the store): what was stored.
            StoredReport stored = StoredReport.parse(state.reportJson());
            return new TargetDetail(
                    row(state),
                    stored.drifted() ? stored.hclDiff() : null,
                    stored.drifted() ? String.join("\n", stored.fixStatements()) : null,
                    stored.drifted() && stored.destructive(),
                    changelog,
                    null,
                    withUnqualified(stored.diverged()));
        }
        boolean drifted = report.get().isDrifted();
        Set<String> objects = new HashSet<>();
        for (DivergedObject object : report.get().diverged()) {
            objects.add(object.qualifiedName());
        }
        return new TargetDetail(
                row(state),
                drifted ? report.get().hclDiff() : null,
                drifted ? String.join("\n", report.get().fixStatements()) : null,
                drifted && report.get().destructive(),
                changelog,
                report.get().expected(),
                withUnqualified(objects));
    }

    // The diagram marks objects by either form of their name: schema-qualified, and without the schema.
    private static Set<String> withUnqualified(Set<String> names) {
        Set<String> all = new HashSet<>(names);
        for (String name : names) {
            int dot = name.indexOf('.');
            if (dot > 0) {
                all.add(name.substring(dot + 1));
            }
        }
        return all;
    }

    private static String summary(ChangelogEntry entry) {
        long added = entry.diff()
                .lines()
                .filter(l -> l.startsWith("+") && !l.startsWith("+++"))
                .count();
        long removed = entry.diff()
                .lines()
                .filter(l -> l.startsWith("-") && !l.startsWith("---"))
                .count();
        return "schema changed: +" + added + " -" + removed + " lines ("
                + entry.fingerprint().substring(0, 12) + ")";
    }

    static TargetRow row(TargetState state) {
        // A target not checked yet is shown as pending: it has not been seen in sync.
        return new TargetRow(
                state.name(),
                state.status().orElse(TargetStatus.PENDING.label()),
                state.currentVersion().orElse(null),
                state.latestVersion().orElse(null),
                state.pendingFiles().size(),
                state.checkedAt().orElse(null),
                state.status().isEmpty() ? "not checked yet" : state.message());
    }

    static String targets(List<TargetState> states) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TargetStatus status : TargetStatus.values()) {
            counts.put(status.label(), 0);
        }
        counts.put("unknown", 0);
        for (TargetState state : states) {
            counts.merge(state.status().orElse("unknown"), 1, Integer::sum);
        }
        return Json.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("counts");
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("targets");
            for (TargetState state : states) {
                json.writeStartObject();
                fields(json, state);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    static String target(TargetState state) {
        return Json.write(json -> {
            json.writeStartObject();
            fields(json, state);
            json.writeFieldName("report");
            json.writeRawValue(state.reportJson().isBlank() ? "{}" : state.reportJson());
            json.writeEndObject();
        });
    }

    private Response changelog(String name) {
        if (agent.store().target(name).isEmpty()) {
            return Response.notFound("target \"" + name + "\"");
        }
        List<ChangelogEntry> entries = agent.store().changelog(name, CHANGELOG_LIMIT);
        return Response.json(200, Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("target", name);
            json.writeArrayFieldStart("entries");
            for (ChangelogEntry entry : entries) {
                json.writeStartObject();
                json.writeNumberField("id", entry.id());
                json.writeStringField("at", entry.at().toString());
                json.writeStringField("fingerprint", entry.fingerprint());
                json.writeStringField("diff", entry.diff());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    private static void fields(JsonGenerator json, TargetState state) throws IOException {
        json.writeStringField("name", state.name());
        nullable(json, "status", state.status());
        nullable(json, "currentVersion", state.currentVersion());
        nullable(json, "latestVersion", state.latestVersion());
        json.writeArrayFieldStart("pendingFiles");
        for (String file : state.pendingFiles()) {
            json.writeString(file);
        }
        json.writeEndArray();
        json.writeStringField("message", state.message());
        nullable(json, "checkedAt", state.checkedAt().map(Object::toString));
        json.writeNumberField("checks", state.checks());
        nullable(json, "checkedBy", state.checkedBy());
        json.writeStringField("nextDue", state.nextDue().toString());
    }

    private static void nullable(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        } else {
            json.writeNullField(name);
        }
    }
}
