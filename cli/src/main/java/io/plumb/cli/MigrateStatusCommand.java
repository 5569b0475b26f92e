package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.History;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateStatusCommand} is {@code plumb migrate status}: it compares a database's revisions with the
 * migration directory and says which version it is at and what is pending, changing nothing.
 */
@Command(
        name = "status",
        header = "Report which migration files a database has applied.",
        description = {
            "",
            "Prints OK when every file is applied, else PENDING with the next version; a partly applied last file"
                    + " and files added out of order are reported too.",
            ""
        })
final class MigrateStatusCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Option(
            names = {"--format", "--log"},
            paramLabel = "FORMAT",
            description = "A Go template for the report: '{{ json . }}' for JSON, or such as '{{ .Current }}'.")
    @Nullable
    String format;

    MigrateStatusCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<ProjectSelection> instances =
                ProjectSelection.resolve(env, project, spec).instances();
        for (int i = 0; i < instances.size(); i++) {
            ProjectSelection selection = instances.get(i);
            Optional<ReportTemplate> template = ReportTemplate.parse(
                    selection
                            .pick(format, e -> ReportTemplate.fromEnv(e, "status"))
                            .orElse(null),
                    spec);
            MigrationDir directory = dir.open(env, selection);
            // A broken directory is refused before the database is opened (SQLite would create a missing file), and
            // before a missing --url is reported, in the reference's order.
            directory.validate();
            String url = target.url(selection, spec);
            ApplyOptions options = ApplyOptions.defaults(MigrateFormats.operatorVersion())
                    .withRevisionsSchema(target.revisionsSchema(selection));
            try (Database db = Database.open(url, env.workingDirectory())) {
                History history = new Migrator(db, directory, options).history();
                StatusReport report = StatusReport.of(history);
                if (template.isPresent()) {
                    MigrateJson.Target where = new MigrateJson.Target(
                            MigrateFormats.driver(db), db.url().toString(), dir.url(selection));
                    MigrateFormats.print(env.out(), template.get(), report.json(where), i == instances.size() - 1);
                } else {
                    report.print(env.out());
                }
            }
        }
        return 0;
    }
}
