package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.spec.RealmJson;
import java.util.List;
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
            "--format accepts hcl (the default), sql and json, and the reference tool's templates"
                    + " {{ sql . }}, {{ sql . \"  \" }} and {{ json . }}.",
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

    @Option(names = "--format", paramLabel = "FORMAT", description = "hcl, sql or json.")
    String format = "hcl";

    SchemaInspectCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String target = selection.pick(url, e -> e.url()).orElseThrow(() -> Flags.missing(spec, "url"));
        OutputFormat output = OutputFormat.parse(format, spec);
        try (Workspace workspace = new Workspace(env, selection)) {
            Database db;
            Realm realm;
            if (target.startsWith("file://")) {
                // A schema file is inspected as the dev database holds it once loaded there, as the reference does.
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
            switch (output.kind()) {
                case HCL -> env.out().print(db.dialect().spec().write(realm));
                case JSON -> env.out().println(RealmJson.write(realm));
                case SQL -> printSql(db, realm, output.indent());
            }
        }
        return 0;
    }

    private void printSql(Database db, Realm realm, String indent) {
        PlanPrinter.printStatements(env.out(), RealmCreation.plan(db, realm, indent));
    }
}
