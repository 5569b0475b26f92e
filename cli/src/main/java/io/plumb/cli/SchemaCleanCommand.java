package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A {@code SchemaCleanCommand} is {@code plumb schema clean}: it drops everything in a database's schema. */
@Command(name = "clean", header = "Drop every object of a database's schema.")
final class SchemaCleanCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(
            names = {"-u", "--url"},
            paramLabel = "URL",
            description = "The database to clean.")
    @Nullable
    String url;

    @Option(names = "--auto-approve", description = "Drop without asking.")
    boolean autoApprove;

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    SchemaCleanCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String target = selection.pick(url, e -> e.url()).orElseThrow(() -> Flags.missing(spec, "url"));
        try (Workspace workspace = new Workspace(env, selection)) {
            Database db = workspace.open(target);
            Realm realm = workspace.warnUnsupported(db.inspect(List.of()));
            List<SchemaChange> drops = SchemaChange.dropAll(realm);
            if (drops.isEmpty()) {
                env.out().println("Nothing to drop");
                return 0;
            }
            Plan plan = db.dialect()
                    .planner()
                    .plan(drops, new PlanOptions(db.boundSchema().isEmpty(), ""));
            PlanPrinter.printPlanned(env.out(), plan);
            if (dryRun) {
                return 0;
            }
            if (!autoApprove && !Approval.ask(env)) {
                throw new EngineFailure("aborted: nothing was dropped");
            }
            PlanExecutor.execute(db.connection(), plan);
        }
        return 0;
    }
}
