package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Revision;
import io.plumb.engine.migrate.RevisionEditor;
import io.plumb.engine.migrate.SetReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateSetCommand} is {@code plumb migrate set}: it moves the version a database records without running
 * migrations, for a database changed by hand or a failed file fixed by hand.
 */
@Command(
        name = "set",
        header = "Set the version a database records, without running migrations.",
        description = {
            "",
            "Deletes the revisions after VERSION, marks a failed VERSION as applied, and records the files up to"
                    + " VERSION as set by hand. Without VERSION, and with an empty directory, deletes every revision.",
            ""
        })
final class MigrateSetCommand implements Callable<Integer> {

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

    // Any number is taken so that more than one is the reference's error, not picocli's.
    @Parameters(arity = "0..*", paramLabel = "VERSION", description = "The version to set.")
    List<String> versions = new ArrayList<>();

    @Mixin
    LockOptions locking = new LockOptions();

    MigrateSetCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Optional<String> version = versions.stream().findFirst();
        for (ProjectSelection selection :
                ProjectSelection.resolve(env, project, spec).instances()) {
            MigrationDir directory = dir.open(env, selection);
            // A broken directory is refused before the database is opened (SQLite would create a missing file), and
            // before a missing --url is reported, in the reference's order.
            directory.validate();
            if (versions.size() > 1) {
                throw new EngineFailure("accepts 1 arg(s), received " + versions.size());
            }
            String url = target.url(selection, spec);
            ApplyOptions options = ApplyOptions.defaults(MigrateFormats.operatorVersion())
                    .withLockTimeout(locking.timeout(selection))
                    .withRevisionsSchema(target.revisionsSchema(selection));
            try (Database db = Database.open(url, env.workingDirectory())) {
                print(env.out(), new RevisionEditor(db, directory, options).set(version));
            }
        }
        return 0;
    }

    static void print(PrintWriter out, SetReport report) {
        if (report.current().isEmpty()) {
            out.println("All revisions deleted (" + report.removed().size() + " in total):");
        } else {
            List<String> parts = new ArrayList<>();
            if (!report.set().isEmpty()) {
                parts.add(report.set().size() + " set");
            }
            if (!report.removed().isEmpty()) {
                parts.add(report.removed().size() + " removed");
            }
            String summary = parts.isEmpty() ? "no changes" : String.join(", ", parts);
            out.println("Current version is " + report.current().get() + " (" + summary + "):");
        }
        out.println();
        for (Revision revision : report.set()) {
            out.println("  + " + revision.version() + " (" + revision.description() + ")");
        }
        for (Revision revision : report.removed()) {
            out.println("  - " + revision.version() + " (" + revision.description() + ")");
        }
        out.println();
        out.flush();
    }
}
