package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.dialect.mysql.MysqlDialect;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.migrate.DirFormat;
import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationLayout;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.migrate.MigrationTemplate;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.Rollback;
import io.plumb.engine.plan.RollbackPlanner;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.source.DevLoadException;
import io.plumb.engine.source.SourceLoader;
import io.plumb.engine.source.UndeclaredKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateDiffCommand} is {@code plumb migrate diff}: it writes the migration file that takes the state the
 * directory describes to the desired state.
 */
@Command(
        name = "diff",
        header = "Write the migration that brings the directory to the desired state.",
        description = {
            "",
            "Replays the directory on the dev database, compares the result with the desired state (--to: HCL or SQL"
                    + " files or directories, or a database URL), and writes the statements that close the gap as a"
                    + " new file yyyyMMddHHmmss[_NAME].sql, then re-hashes the directory. The dev database must be"
                    + " clean and is left clean.",
            "",
            "In a directory of another format (--dir-format or the URL's ?format=) the migration is written as that"
                    + " tool expects it, with a down part that undoes it (the diff back from the desired state, one"
                    + " '-- reverse: ' step per change, in the order it runs):",
            "  golang-migrate  V[_NAME].up.sql and V[_NAME].down.sql",
            "  goose           V[_NAME].sql with -- +goose Up and -- +goose Down sections",
            "  dbmate          V[_NAME].sql with -- migrate:up and -- migrate:down sections",
            "  flyway          VV[__NAME].sql and the undo file UV[__NAME].sql",
            "  liquibase       V[_NAME].sql, one changeset per statement with its --rollback: lines",
            "atlas.sum covers the files the format runs up (.up.sql; V, B and R files). Every file already in the"
                    + " directory must be of its format, and NAME must be letters, digits, _ and -. A change that"
                    + " nothing undoes is named in a comment of the down part and in a warning.",
            ""
        })
final class MigrateDiffCommand implements Callable<Integer> {

    static final String SYNCED = "The migration directory is synced with the desired state, no changes to be made";

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

    @Option(names = "--to", paramLabel = "URL", description = "The desired state (comma-separated sources).")
    List<String> to = new ArrayList<>();

    @Option(names = "--dev-url", paramLabel = "URL", description = "The dev database to replay and compare on.")
    @Nullable
    String devUrl;

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Mixin
    MigrationFileOptions file = new MigrationFileOptions();

    @Option(
            names = "--qualifier",
            paramLabel = "SCHEMA",
            description = "Qualify tables with this schema (MySQL and MariaDB, with a dev database bound to a schema).")
    @Nullable
    String qualifier;

    @Mixin
    LockOptions locking = new LockOptions();

    MigrateDiffCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        List<String> desiredSources = selection.pickList(to, e -> e.src());
        if (desiredSources.isEmpty()) {
            throw Flags.missing(spec, "to");
        }
        String dev = selection.pick(devUrl, e -> e.dev()).orElseThrow(() -> Flags.missing(spec, "dev-url"));
        MigrationTemplate template = file.template(spec, selection);
        MigrationFileWriter writer = new MigrationFileWriter(env);
        MigrationLayout layout = new MigrationLayout(MigrationDir.formatOf(dir.url(selection)), template);
        writer.checkName(layout, name);
        MigrationDir directory = dir.openOrCreate(env, selection);
        directory.requireFormat();
        List<MigrationFile> files = directory.validate();
        List<String> excluded = scope.exclude(selection);
        try (Workspace workspace = new Workspace(env, selection)) {
            Database devDb = workspace.open(dev);
            try (MigrationLock lock = MigrationLock.acquire(devDb, MigrationLock.DIFF, locking.timeout(selection))) {
                Dialect dialect = devDb.dialect();
                boolean bound = devDb.boundSchema().isPresent();
                requireQualifierSupport(devDb);
                // As the reference does, the directory is replayed first, and the desired state normalised after.
                Realm current = Workspace.exclude(
                        workspace.warnUnsupported(DirReplay.replay(devDb, files, scope.schemas(selection))),
                        excluded,
                        bound);
                Realm loaded;
                if (BoundSchema.isHcl(desiredSources, env.workingDirectory())) {
                    // Kinds the HCL declares none of are the directory's (see UndeclaredKinds): kept out of the diff,
                    // and on the dev database while the HCL is normalised, for a default that calls a function.
                    Realm read = workspace.loader().load(desiredSources, dialect, null);
                    UndeclaredKinds undeclared = UndeclaredKinds.of(current, read);
                    try {
                        loaded = SourceLoader.normalize(read, devDb, undeclared.prerequisites(current));
                    } catch (DevLoadException e) {
                        throw workspace.loader().locate(desiredSources, e);
                    }
                    current = undeclared.leftOut(current);
                } else {
                    loaded = workspace.loader().load(desiredSources, dialect, devDb);
                }
                Realm desired = Workspace.exclude(workspace.warnUnsupported(loaded), excluded, bound);
                // The dev database only stands in for the target here: a one-schema desired state, HCL too, is taken
                // as its bound schema whatever its name, as the reference's dev driver normalizes it.
                desired = BoundSchema.bind(desired, devDb, false);
                List<SchemaChange> changes = workspace.diff(current, desired, dialect);
                if (changes.isEmpty()) {
                    env.out().println(SYNCED);
                    return 0;
                }
                // The down part undoes the changes: the diff the other way round, under the inverse policy.
                List<SchemaChange> undo = directory.format() == DirFormat.ATLAS
                        ? List.of()
                        : new Differ()
                                .diff(
                                        desired,
                                        current,
                                        new DiffOptions(
                                                dialect.normalizer(),
                                                selection.diffPolicy().reversed()));
                if (qualifier != null) {
                    changes = QualifiedChanges.of(changes, devDb.boundSchema().orElseThrow(), qualifier);
                    undo = QualifiedChanges.of(undo, devDb.boundSchema().orElseThrow(), qualifier);
                }
                PlanOptions options = new PlanOptions(
                        !bound || qualifier != null,
                        template.indent(),
                        selection.diffPolicy().concurrentIndex());
                Plan plan = dialect.planner().plan(changes, options);
                Rollback rollback = directory.format() == DirFormat.ATLAS
                        ? new Rollback(List.of(), true)
                        : new RollbackPlanner(dialect.planner(), options).plan(changes, undo);
                for (Rollback.Step step : rollback.irreversible()) {
                    env.err()
                            .println("warning: the down part does not undo \"" + step.comment() + "\": "
                                    + step.problem());
                }
                writer.write(directory, layout, name, plan, rollback, file.edit);
            }
        }
        return 0;
    }

    // Qualifying a schema-bound plan renames its schema in every change (QualifiedChanges) and plans qualified
    // statements, which the MySQL planner writes for tables, keys and objects alike; elsewhere, or on a dev database
    // bound to no schema, refusing is better than writing statements that ignore the flag.
    private void requireQualifierSupport(Database devDb) {
        if (qualifier != null && devDb.boundSchema().isPresent() && devDb.dialect() instanceof MysqlDialect) {
            return;
        }
        if (qualifier != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--qualifier \"" + qualifier + "\" is not supported: the "
                            + devDb.dialect().name() + " planner writes unqualified statements only");
        }
    }
}
