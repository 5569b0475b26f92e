package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.source.SourceLoader;
import io.plumb.engine.spec.RealmJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A {@code SchemaInspectCommand} is {@code plumb schema inspect}: it prints a database's schema as code. */
@Command(
        name = "inspect",
        header = "Print the schema of a database as HCL, SQL or JSON.",
        description = {
            "",
            "--format accepts hcl (the default), sql and json, or a Go template over the inspected schema as the"
                    + " reference tool's: {{ sql . }}, {{ sql . \"  \" }}, {{ json . }}, {{ mermaid . }},"
                    + " {{ $.MarshalHCL }}, base64url. Without it, the env's format { schema { inspect } } applies.",
            ""
        })
final class SchemaInspectCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(
            names = {"-u", "--url"},
            paramLabel = "URL",
            description = "The database to inspect.")
    @Nullable
    String url;

    @Option(
            names = "--dev-url",
            paramLabel = "URL",
            description = "A dev database, to inspect a schema file (--url file://schema.sql).")
    @Nullable
    String devUrl;

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Option(
            names = {"--format", "--log"},
            paramLabel = "FORMAT",
            description = "hcl, sql, json, or a Go template.")
    @Nullable
    String format;

    SchemaInspectCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String target = selection.pick(url, e -> e.url()).orElseThrow(() -> Flags.missing(spec, "url"));
        String text =
                format != null ? format : selection.format("schema", "inspect").orElse("hcl");
        SchemaTemplate template =
                SchemaTemplate.isTemplate(text) ? SchemaTemplate.parse(text, SchemaTemplate.Kind.INSPECT, spec) : null;
        OutputFormat output =
                template != null ? new OutputFormat(OutputFormat.Kind.HCL, "") : OutputFormat.parse(text, spec);
        try (Workspace workspace = new Workspace(env, selection)) {
            Database db;
            Realm realm;
            if (target.contains("://") && !SourceLoader.isDatabaseUrl(target)) {
                // A schema file (or a project's data source: hcl_schema, composite_schema) is inspected as the dev
                // database holds it once loaded there, as the reference does.
                db = workspace.openDev(selection.pick(devUrl, e -> e.dev()));
                if (db == null) {
                    throw new EngineFailure("--dev-url cannot be empty");
                }
                realm = workspace.warnUnsupported(workspace.loader().load(List.of(target), db.dialect(), db));
                List<String> schemas = scope.schemas(selection);
                if (!schemas.isEmpty()) {
                    realm = realm.withSchemas(realm.schemas().stream()
                            .filter(s -> schemas.contains(s.name()))
                            .toList());
                }
            } else {
                db = workspace.open(target);
                realm = workspace.warnUnsupported(db.inspect(scope.schemas(selection)));
            }
            realm = Workspace.exclude(
                    realm, scope.exclude(selection), db.boundSchema().isPresent());
            if (template != null) {
                Database inspected = db;
                Realm shown = realm;
                Map<String, Object> hidden = new LinkedHashMap<>();
                hidden.put("MarshalHCL", db.dialect().spec().write(realm));
                hidden.put("MarshalSQL", sql(db, realm, ""));
                hidden.put("RedactedURL", DatabaseUrl.redactUrl(target));
                LintTree.Struct tree = (LintTree.Struct) SchemaTemplate.tree(RealmJson.write(realm));
                LintTree.Struct report = new LintTree.Struct(tree.fields(), hidden);
                env.out()
                        .print(template.execute(
                                report,
                                Map.of(
                                        "sql",
                                        SchemaTemplate.sql(report, indent -> sql(inspected, shown, indent)),
                                        "mermaid",
                                        SchemaTemplate.sql(report, ignored -> MermaidDiagram.of(shown)))));
                env.out().flush();
                return 0;
            }
            switch (output.kind()) {
                case HCL -> env.out().print(db.dialect().spec().write(realm));
                case JSON -> env.out().println(RealmJson.write(realm));
                case SQL -> env.out().print(sql(db, realm, output.indent()));
            }
        }
        return 0;
    }

    private static String sql(Database db, Realm realm, String indent) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        PlanPrinter.printStatements(out, RealmCreation.plan(db, realm, indent));
        out.flush();
        return text.toString();
    }
}
