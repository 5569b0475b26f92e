package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.DirFormat;
import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationLayout;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.migrate.MigrationTemplate;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.schema.Realm;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateCheckpointCommand} is {@code plumb migrate checkpoint}: it writes the state the directory gives
 * as one checkpoint file, from which a database without a history starts.
 */
@Command(
        name = "checkpoint",
        header = "Write a checkpoint file holding the state the migration directory gives.",
        description = {
            "",
            "Replays the directory on the dev database (from its last checkpoint, as a new database runs it), and"
                    + " writes the statements that create the resulting state as a new file"
                    + " yyyyMMddHHmmss_checkpoint.sql, marked '-- atlas:checkpoint [TAG]', then re-hashes the"
                    + " directory.",
            "",
            "'migrate apply' on a database without a history starts at the last checkpoint and skips the files"
                    + " before it; a database that has revisions never runs a checkpoint. Only atlas directories"
                    + " hold checkpoints. The dev database must be clean and is left clean.",
            ""
        })
final class MigrateCheckpointCommand implements Callable<Integer> {

    // The tag is the directive's argument: one word, so that the file's first line reads back as written.
    private static final Pattern TAG = Pattern.compile("\\S+");

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "TAG", description = "A tag for the checkpoint.")
    String tag = "";

    @Option(names = "--dev-url", paramLabel = "URL", description = "The dev database to replay the directory on.")
    @Nullable
    String devUrl;

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Mixin
    MigrationFileOptions file = new MigrationFileOptions();

    @Mixin
    LockOptions locking = new LockOptions();

    MigrateCheckpointCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (!tag.isEmpty() && !TAG.matcher(tag).matches()) {
            throw new ParameterException(
                    spec.commandLine(), "invalid checkpoint tag \"" + tag + "\": expected one word, such as v1.0");
        }
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String dev = selection.pick(devUrl, e -> e.dev()).orElseThrow(() -> Flags.missing(spec, "dev-url"));
        MigrationTemplate template = file.template(spec, selection);
        MigrationLayout layout = new MigrationLayout(MigrationDir.formatOf(dir.url(selection)), template);
        if (MigrationDir.formatOf(dir.url(selection)) != DirFormat.ATLAS) {
            // Refused before the replay: the layout says why.
            layout.checkpoint("", tag, new Plan(List.of(), true));
        }
        MigrationDir directory = dir.open(env, selection);
        directory.requireFormat();
        List<MigrationFile> files = directory.validate();
        if (files.isEmpty()) {
            throw new EngineFailure(
                    "migration directory " + directory.display() + " has no migration files to" + " checkpoint");
        }
        MigrationFileWriter writer = new MigrationFileWriter(env);
        try (Workspace workspace = new Workspace(env, selection)) {
            Database devDb = workspace.open(dev);
            try (MigrationLock lock = MigrationLock.acquire(devDb, MigrationLock.DIFF, locking.timeout(selection))) {
                Realm state = Workspace.exclude(
                        workspace.warnUnsupported(DirReplay.replay(devDb, files, scope.schemas(selection))),
                        scope.exclude(selection),
                        devDb.boundSchema().isPresent());
                Plan plan = RealmCreation.plan(devDb, state, template.indent());
                writer.writeCheckpoint(directory, layout, tag, plan, file.edit);
            }
        }
        return 0;
    }
}
