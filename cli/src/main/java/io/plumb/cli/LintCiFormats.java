package io.plumb.cli;

import io.plumb.engine.lint.Analyzers;
import io.plumb.engine.lint.Code;
import io.plumb.engine.lint.Diagnostic;
import io.plumb.engine.lint.FileReport;
import io.plumb.engine.lint.LintReport;
import io.plumb.engine.lint.Position;
import io.plumb.engine.lint.Report;
import io.plumb.engine.lint.SuggestedFix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code LintCiFormats} writes a lint report for CI tools: {@code --format sarif} (SARIF 2.1.0, one run with a rule
 * per code reported and a result per diagnostic at its file and line), {@code --format github} (GitHub Actions
 * workflow commands, one annotation per diagnostic and per failing file) and the cases of {@code --junit-report}
 * (one test case per linted file, failing on the file's errors). The error of a file that cannot be replayed is at
 * the line and column of the statement that failed on the dev database.
 */
final class LintCiFormats {

    static final String CHECK_RULE = "pre-migration-check";
    private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private LintCiFormats() {}

    /** Returns the format a {@code --format} value names, or empty for a template. */
    static Optional<String> named(String format) {
        String name = format.strip().toLowerCase(Locale.ROOT);
        return name.equals("sarif") || name.equals("github") ? Optional.of(name) : Optional.empty();
    }

    /**
     * Returns the report as SARIF 2.1.0. A diagnostic of a report that fails its file is an {@code error}, the
     * others {@code warning}s; suggested fixes without an edit go into the result's {@code properties}, since a
     * SARIF {@code fix} must carry its changes.
     */
    static String sarif(LintReport report, String dir) {
        Map<String, Code> codes = new LinkedHashMap<>();
        Analyzers.allCodes().forEach(c -> codes.put(c.code(), c));
        Map<String, LintTree.Struct> rules = new LinkedHashMap<>();
        List<Object> results = new ArrayList<>();
        for (FileReport file : report.files()) {
            String uri = dir + "/" + file.name();
            if (file.hasError() && file.file().isEmpty()) {
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("startLine", file.errorPosition().map(Position::line).orElse(1));
                file.errorPosition().ifPresent(p -> region.put("startColumn", p.column()));
                results.add(result("replay", "error", file.error(), uri, region, List.of()));
                rules.putIfAbsent(
                        "replay",
                        rule("replay", "replay", "The file cannot be replayed on the dev database", "error", ""));
                continue;
            }
            for (Report r : file.reports()) {
                String level = failing(file, r) ? "error" : "warning";
                for (Diagnostic d : r.diagnostics()) {
                    String id = d.code().isEmpty() ? CHECK_RULE : d.code();
                    Code code = codes.get(id);
                    rules.putIfAbsent(
                            id,
                            rule(
                                    id,
                                    code == null ? CHECK_RULE : code.analyzer(),
                                    code == null ? r.text() : code.summary(),
                                    level,
                                    d.docUrl()));
                    Map<String, Object> region = new LinkedHashMap<>();
                    region.put("startLine", file.line(d.pos()));
                    results.add(result(id, level, d.text(), uri, region, d.suggestedFixes()));
                }
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "plumb");
        driver.put("informationUri", "https://github.com/plumb/plumb/blob/main/engine/LINT.md");
        driver.put("rules", new ArrayList<Object>(rules.values()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", struct(Map.of("driver", struct(driver))));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(struct(run)));
        return GoJson.json(struct(log), List.of()) + "\n";
    }

    /**
     * Returns GitHub Actions workflow commands: {@code ::error file=F,line=L,title=CODE::TEXT}, and {@code ::error
     * file=F,line=L,col=C::TEXT} for a file that cannot be replayed.
     */
    static String github(LintReport report, String dir) {
        StringBuilder out = new StringBuilder();
        for (FileReport file : report.files()) {
            String path = dir + "/" + file.name();
            if (file.reports().isEmpty() && file.hasError()) {
                out.append("::error file=")
                        .append(property(path))
                        .append(",line=")
                        .append(file.errorPosition().map(Position::line).orElse(1));
                file.errorPosition().ifPresent(p -> out.append(",col=").append(p.column()));
                out.append("::").append(data(file.error())).append('\n');
                continue;
            }
            for (Report r : file.reports()) {
                String level = failing(file, r) ? "error" : "warning";
                for (Diagnostic d : r.diagnostics()) {
                    out.append("::").append(level).append(" file=").append(property(path));
                    out.append(",line=").append(file.line(d.pos()));
                    if (!d.code().isEmpty()) {
                        out.append(",title=").append(property(d.code()));
                    }
                    String text = d.text() + (d.code().isEmpty() ? "" : " " + d.docUrl());
                    out.append("::").append(data(text)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Returns one JUnit case per file: failed with its diagnostics when it has errors. */
    static List<JUnitXmlReport.Case> junitCases(LintReport report, String dir) {
        List<JUnitXmlReport.Case> cases = new ArrayList<>();
        for (FileReport file : report.files()) {
            String path = dir + "/" + file.name();
            StringBuilder text = new StringBuilder();
            for (Report r : file.reports()) {
                for (Diagnostic d : r.diagnostics()) {
                    text.append(path)
                            .append(':')
                            .append(file.line(d.pos()))
                            .append(": ")
                            .append(d.code().isEmpty() ? "" : d.code() + ": ")
                            .append(d.text())
                            .append('\n');
                }
            }
            boolean failed = file.hasError();
            cases.add(new JUnitXmlReport.Case(
                    file.name(),
                    path,
                    "migrate lint " + dir,
                    file.elapsed(),
                    failed ? JUnitXmlReport.Outcome.FAILED : JUnitXmlReport.Outcome.PASSED,
                    failed ? path + file.errorPosition().map(p -> ":" + p).orElse("") + ": " + file.error() : "",
                    text.toString()));
        }
        return cases;
    }

    private static boolean failing(FileReport file, Report report) {
        return !report.text().isEmpty() && List.of(file.error().split("; ")).contains(report.text());
    }

    private static LintTree.Struct rule(String id, String name, String summary, String level, String help) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("name", name);
        fields.put("shortDescription", struct(Map.of("text", summary.isEmpty() ? id : summary)));
        if (!help.isEmpty()) {
            fields.put("helpUri", help);
        }
        fields.put("defaultConfiguration", struct(Map.of("level", level)));
        return struct(fields);
    }

    private static LintTree.Struct result(
            String rule, String level, String text, String uri, Map<String, Object> region, List<SuggestedFix> fixes) {
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", struct(Map.of("uri", uri)));
        physical.put("region", struct(region));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ruleId", rule);
        fields.put("level", level);
        fields.put("message", struct(Map.of("text", text)));
        fields.put("locations", List.of(struct(Map.of("physicalLocation", struct(physical)))));
        if (!fixes.isEmpty()) {
            List<Object> messages = new ArrayList<>();
            fixes.forEach(f -> messages.add(f.message()));
            fields.put("properties", struct(Map.of("suggestedFixes", messages)));
        }
        return struct(fields);
    }

    private static LintTree.Struct struct(Map<String, Object> fields) {
        return new LintTree.Struct(new LinkedHashMap<>(fields), Map.of());
    }

    // Workflow command escaping: data escapes %, CR and LF; properties also : and ,.
    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
