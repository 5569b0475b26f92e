package io.plumb.cli;

import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationLayout;
import io.plumb.engine.migrate.MigrationTemplate;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.Rollback;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A {@code MigrateNewCommand} is {@code plumb migrate new}: it adds an empty, dated migration file. */
@Command(
        name = "new",
        header = "Add an empty migration file to the directory.",
        description = {
            "",
            "The file is named yyyyMMddHHmmss[_NAME].sql after the current UTC time; the directory is created when"
                    + " missing, and re-hashed. In another format (--dir-format, ?format=) the new, empty migration"
                    + " is laid out as that tool's: golang-migrate's .up.sql and .down.sql files, Flyway's V and U"
                    + " files, goose's and dbmate's up and down sections, a Liquibase changelog.",
            ""
        })
final class MigrateNewCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "What the migration does.")
    String name = "";

    @Option(names = "--edit", description = "Open the new file in $EDITOR (default vi), then re-hash.")
    boolean edit;

    MigrateNewCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        MigrationFileWriter writer = new MigrationFileWriter(env);
        MigrationLayout layout =
                new MigrationLayout(MigrationDir.formatOf(dir.url(selection)), MigrationTemplate.defaults());
        writer.checkName(layout, name);
        MigrationDir directory = dir.openOrCreate(env, selection);
        directory.requireFormat();
        directory.validate();
        Plan empty = new Plan(List.of(), true);
        writer.write(directory, layout, name, empty, new Rollback(List.of(), true), edit);
        return 0;
    }
}
