package io.plumb.engine.revert;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.drift.AppliedFiles;
import io.plumb.engine.drift.Comparison;
import io.plumb.engine.drift.ExpectedStates;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.Revision;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RevertSteps} plans a revert one file at a time, the last applied first: the first step diffs the
 * database's inspected state against the state the directory gives without that file, each next step diffs that
 * state against the one before it. A database that drifted is brought back by the first step.
 */
final class RevertSteps {

    private final Database target;
    private final ExpectedStates states;
    private final ExpectedStates.Dev dev;
    private final DiffPolicy policy;

    RevertSteps(Database target, ExpectedStates.Dev dev, DiffPolicy policy) {
        this.target = target;
        this.states = new ExpectedStates();
        this.dev = dev;
        this.policy = policy;
    }

    /**
     * Returns the steps that revert the revisions from {@code keep} on, the last first.
     *
     * @param actual the database's state, without the revisions table
     * @param revisions the database's revisions, in version order
     * @param keep how many of them stay
     */
    List<RevertStep> plan(Realm actual, List<MigrationFile> files, List<Revision> revisions, int keep) {
        Dialect dialect = target.dialect();
        boolean bound = target.boundSchema().isPresent();
        PlanOptions planOptions = new PlanOptions(!bound, "  ", policy.concurrentIndex());
        DiffOptions diffOptions = new DiffOptions(dialect.normalizer(), policy);
        List<RevertStep> steps = new ArrayList<>();
        Realm from = actual;
        for (int i = revisions.size() - 1; i >= keep; i--) {
            List<MigrationFile> remaining = AppliedFiles.of(files, revisions.subList(0, i), false);
            Realm to = Comparison.inScopeOf(states.replayed(target, dev, remaining), actual, target);
            List<SchemaChange> changes = new Differ().diff(from, to, diffOptions);
            steps.add(new RevertStep(
                    fileOf(files, revisions.get(i)),
                    dialect.planner().plan(changes, planOptions),
                    DataLossCheck.of(target, changes)));
            from = to;
        }
        return steps;
    }

    /** Returns the revision's file, or one named after the revision when the directory no longer has it. */
    static MigrationFile fileOf(List<MigrationFile> files, Revision revision) {
        for (MigrationFile file : files) {
            if (file.version().equals(revision.version())) {
                return file;
            }
        }
        MigrationFile any = files.isEmpty() ? null : files.get(0);
        String name =
                revision.version() + (revision.description().isEmpty() ? "" : "_" + revision.description()) + ".sql";
        return new MigrationFile(
                name,
                new byte[0],
                any == null ? io.plumb.engine.migrate.DirFormat.ATLAS : any.format(),
                revision.version(),
                revision.description());
    }
}
