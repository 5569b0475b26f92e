package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.gotemplate.GoNil;
import io.plumb.engine.gotemplate.GoStruct;
import io.plumb.engine.lint.Diagnostic;
import io.plumb.engine.lint.FileReport;
import io.plumb.engine.lint.LintFile;
import io.plumb.engine.lint.LintReport;
import io.plumb.engine.lint.Report;
import io.plumb.engine.lint.StepReport;
import io.plumb.engine.lint.SuggestedFix;
import io.plumb.engine.lint.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code LintTree} turns a lint report into the reference's {@code SummaryReport} as a tree of maps, lists and
 * values: what {@code --format '{{ json . }}'} prints (Go's field names, its {@code omitempty} rules), and what
 * {@code --format} templates read, with the values its template methods return ({@code .DiagnosticsCount},
 * {@code .VersionStatuses}, {@code .TotalChanges}) next to the fields.
 */
final class LintTree {

    /**
     * A Go struct: the fields {@code json} writes, in order, and the values only templates see.
     *
     * @param fields the JSON fields
     * @param hidden the template-only fields and methods
     */
    record Struct(Map<String, Object> fields, Map<String, Object> hidden) implements GoStruct {

        @Override
        public Optional<Object> get(String name) {
            Object value = fields.containsKey(name) ? fields.get(name) : hidden.get(name);
            return Optional.ofNullable(value);
        }

        @Override
        public boolean has(String name) {
            return fields.containsKey(name) || hidden.containsKey(name);
        }
    }

    private LintTree() {}

    static Struct of(LintReport report, Database dev, String dir) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("Driver", MigrateFormats.driver(dev));
        env.put("URL", url(dev));
        env.put("Dir", dir);
        fields.put("Env", new Struct(env, Map.of()));
        Map<String, Object> schema = new LinkedHashMap<>();
        List<LintFile> loaded =
                report.files().stream().flatMap(f -> f.file().stream()).toList();
        if (!loaded.isEmpty()) {
            putIfNotEmpty(schema, "Current", write(dev, loaded.get(0).from()));
            putIfNotEmpty(
                    schema, "Desired", write(dev, loaded.get(loaded.size() - 1).to()));
        }
        fields.put("Schema", new Struct(schema, Map.of()));
        List<Object> steps = new ArrayList<>();
        report.steps().forEach(s -> steps.add(step(s)));
        putIfNotEmpty(fields, "Steps", steps);
        List<Object> files = new ArrayList<>();
        report.files().forEach(f -> files.add(file(f)));
        putIfNotEmpty(fields, "Files", files);
        Map<String, Object> hidden = new LinkedHashMap<>();
        hidden.put("DiagnosticsCount", report.diagnosticsCount());
        hidden.put("VersionStatuses", report.versionStatuses());
        hidden.put("TotalChanges", report.totalChanges());
        hidden.put("TotalFiles", report.totalFiles());
        hidden.put("FromV", report.fromVersion());
        hidden.put("ToV", report.toVersion());
        // Templates see empty lists where JSON leaves the field out.
        hidden.put("Files", files);
        hidden.put("Steps", steps);
        return new Struct(fields, hidden);
    }

    private static String write(Database dev, io.plumb.engine.schema.Realm realm) {
        try {
            return dev.dialect().spec().write(realm);
        } catch (RuntimeException e) {
            // As the reference, a schema that cannot be written as HCL is left out of the report.
            return "";
        }
    }

    // Go's url.URL fields, as encoding/json writes them, and the schema the URL is bound to.
    static Struct url(Database dev) {
        DatabaseUrl url = dev.url();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Scheme", url.scheme());
        fields.put("Opaque", "");
        fields.put("User", url.user().isEmpty() ? GoNil.NIL : new Struct(Map.of(), Map.of()));
        fields.put("Host", url.host() + (url.port() < 0 ? "" : ":" + url.port()));
        fields.put("Path", url.isSqlite() || url.path().isEmpty() ? "" : "/" + url.path());
        fields.put("RawPath", "");
        fields.put("OmitHost", false);
        fields.put("ForceQuery", false);
        List<String> query = new ArrayList<>();
        url.query().forEach((k, v) -> query.add(k + "=" + v));
        fields.put("RawQuery", String.join("&", query));
        fields.put("Fragment", "");
        fields.put("RawFragment", "");
        fields.put("Schema", dev.boundSchema().orElse(url.isSqlite() ? "main" : ""));
        if (url.isSqlite()) {
            fields.put("Host", url.path());
        }
        return new Struct(fields, Map.of());
    }

    private static Struct step(StepReport step) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfNotEmpty(fields, "Name", step.name());
        putIfNotEmpty(fields, "Text", step.text());
        putIfNotEmpty(fields, "Error", step.error());
        step.result().ifPresent(r -> fields.put("Result", file(r)));
        return new Struct(fields, Map.of());
    }

    static Struct file(FileReport file) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfNotEmpty(fields, "Name", file.name());
        putIfNotEmpty(fields, "Text", file.text());
        List<Object> reports = new ArrayList<>();
        file.reports().forEach(r -> reports.add(report(r)));
        putIfNotEmpty(fields, "Reports", reports);
        putIfNotEmpty(fields, "Error", file.error());
        Map<String, Object> hidden = new LinkedHashMap<>();
        hidden.put("Version", file.version());
        hidden.put("Reports", reports);
        hidden.put("Error", file.error());
        hidden.put("Name", file.name());
        return new Struct(fields, hidden);
    }

    private static Struct report(Report report) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Text", report.text());
        putIfNotEmpty(fields, "Desc", report.desc());
        List<Object> diagnostics = new ArrayList<>();
        for (Diagnostic d : report.diagnostics()) {
            Map<String, Object> diagnostic = new LinkedHashMap<>();
            diagnostic.put("Pos", d.pos());
            diagnostic.put("Text", d.text());
            diagnostic.put("Code", d.code());
            putIfNotEmpty(diagnostic, "SuggestedFixes", fixes(d.suggestedFixes()));
            diagnostics.add(new Struct(diagnostic, Map.of()));
        }
        putIfNotEmpty(fields, "Diagnostics", diagnostics);
        putIfNotEmpty(fields, "SuggestedFixes", fixes(report.suggestedFixes()));
        return new Struct(fields, Map.of());
    }

    private static List<Object> fixes(List<SuggestedFix> fixes) {
        List<Object> out = new ArrayList<>();
        for (SuggestedFix fix : fixes) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Message", fix.message());
            if (fix.textEdit().isPresent()) {
                TextEdit edit = fix.textEdit().get();
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("Line", edit.line());
                e.put("End", edit.end());
                e.put("NewText", edit.newText());
                fields.put("TextEdit", new Struct(e, Map.of()));
            }
            out.add(new Struct(fields, Map.of()));
        }
        return out;
    }

    private static void putIfNotEmpty(Map<String, Object> fields, String name, String value) {
        if (!value.isEmpty()) {
            fields.put(name, value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> fields, String name, List<Object> value) {
        if (!value.isEmpty()) {
            fields.put(name, value);
        }
    }
}
