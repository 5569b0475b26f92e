package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.lint.LintConfig;
import io.plumb.engine.lint.LintReport;
import io.plumb.engine.lint.PlanLint;
import io.plumb.engine.lint.ReviewPolicy;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.plan.StatementException;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code SchemaApplyCommand} is {@code plumb schema apply}: it plans the changes that bring a database to the
 * desired state, prints them, asks for approval and applies them in one transaction.
 */
@Command(
        name = "apply",
        header = "Bring a database to the desired schema.",
        description = {
            "",
            "Compares the database (--url) with the desired state (--to: HCL or SQL files or directories, or a"
                    + " database URL), prints the planned statements, asks for approval and applies them in one"
                    + " transaction, so that a failed statement leaves the database as it was.",
            "",
            "With a review policy, lint { review = ALWAYS | WARNING | ERROR } in atlas.hcl, the plan is first linted"
                    + " on the dev database (--dev-url, required then) as migrate lint lints a new file, against the"
                    + " current state, and the findings are printed after the plan. ALWAYS asks for approval;"
                    + " WARNING asks only when lint reported anything, ERROR only when it reported an error"
                    + " (destructive changes by default); a plan below the policy's level is applied without"
                    + " asking. --auto-approve is refused when a review policy is set, as by the reference tool.",
            ""
        })
final class SchemaApplyCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(
            names = {"-u", "--url"},
            paramLabel = "URL",
            description = "The database to change.")
    @Nullable
    String url;

    @Option(names = "--to", paramLabel = "URL", description = "The desired state (comma-separated sources).")
    List<String> to = new ArrayList<>();

    // The reference's deprecated, hidden form of --to: plain paths, which cannot be given with --to.
    @Option(
            names = {"-f", "--file"},
            paramLabel = "PATH",
            hidden = true,
            description = "A desired-state file or directory (comma-separated; deprecated form of --to).")
    List<String> files = new ArrayList<>();

    @Option(names = "--dev-url", paramLabel = "URL", description = "A dev database to normalise the desired state on.")
    @Nullable
    String devUrl;

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Option(names = "--auto-approve", description = "Apply without asking.")
    boolean autoApprove;

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    @Option(
            names = {"--format", "--log"},
            paramLabel = "TEMPLATE",
            description = "A Go template over the report, such as '{{ json .Changes }}' (with --dry-run or"
                    + " --auto-approve; default: the env's format { schema { apply } }).")
    @Nullable
    String format;

    @Option(names = "--tx-mode", paramLabel = "MODE", description = "file (the default: one transaction) or none.")
    String txMode = "file";

    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long to wait for the database lock (accepted for compatibility).")
    @Nullable
    Duration lockTimeout;

    SchemaApplyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String target = selection.pick(url, e -> e.url()).orElseThrow(() -> Flags.missing(spec, "url"));
        if (!files.isEmpty() && !to.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "if any flags in the group [file to] are set none of the others can be; [file to] were all set");
        }
        List<String> desired = selection.pickList(files.isEmpty() ? to : files, e -> e.src());
        if (desired.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "one of flag(s) \"file\" or \"to\" is required");
        }
        boolean transactional = isTransactional();
        LintConfig lint = selection.lint();
        Optional<ReviewPolicy> review = lint.review();
        if (autoApprove && review.isPresent()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "auto-approve is not allowed when a lint policy is set to \"" + review.get() + "\"");
        }
        Optional<String> devSource = selection.pick(devUrl, e -> e.dev());
        if (review.isPresent() && devSource.isEmpty() && !dryRun) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "the lint review policy \"" + review.get() + "\" lints the plan on a dev database: --dev-url"
                            + " is required");
        }
        SchemaTemplate template = template(selection);
        List<String> excluded = scope.exclude(selection);
        try (Workspace workspace = new Workspace(env, selection)) {
            Database db = workspace.open(target);
            Database dev = workspace.openDev(devSource);
            boolean bound = db.boundSchema().isPresent();
            Realm current = Workspace.withoutRevisionsTable(Workspace.exclude(
                    workspace.warnUnsupported(db.inspect(scope.schemas(selection))), excluded, bound));
            Realm wanted = Workspace.exclude(
                    workspace.warnUnsupported(workspace.loader().load(desired, db.dialect(), dev)), excluded, bound);
            wanted = BoundSchema.bind(wanted, db, BoundSchema.isHcl(desired, env.workingDirectory()));
            List<SchemaChange> changes = workspace.diff(current, wanted, db.dialect());
            if (changes.isEmpty()) {
                if (template != null) {
                    print(template, db, List.of(), List.of(), null, null);
                } else {
                    env.out().println("Schema is synced, no changes to be made");
                }
                return 0;
            }
            PlanOptions options =
                    new PlanOptions(!bound, "  ", selection.diffPolicy().concurrentIndex());
            Plan plan = db.dialect().planner().plan(changes, options);
            if (template != null) {
                // --dry-run or --auto-approve: the report alone, as the reference prints it.
                if (dryRun) {
                    print(template, db, List.of(), plan.changes(), null, null);
                } else {
                    applyReported(template, db, new Plan(plan.changes(), plan.transactional() && transactional));
                }
                return 0;
            }
            PlanPrinter.printPlanned(env.out(), plan);
            if (dryRun) {
                return 0;
            }
            boolean ask = !autoApprove;
            if (review.isPresent() && dev != null) {
                LintReport report = PlanLint.lint(dev, lint, current, plan, options);
                env.out().println();
                env.out().print(LintText.renderPlan(report, plan.changes().size(), PlanLint.headerLines(plan)));
                env.out().flush();
                ask = reaches(review.get(), report);
            }
            if (ask && !Approval.ask(env)) {
                throw new EngineFailure("aborted: nothing was applied");
            }
            PlanExecutor.execute(db.connection(), new Plan(plan.changes(), plan.transactional() && transactional));
        }
        return 0;
    }

    private @Nullable SchemaTemplate template(ProjectSelection selection) {
        String text =
                format != null ? format : selection.format("schema", "apply").orElse(null);
        if (text == null) {
            return null;
        }
        if (!dryRun && !autoApprove) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--log and --format can only be used with --dry-run or --auto-approve");
        }
        return SchemaTemplate.parse(text, SchemaTemplate.Kind.APPLY, spec);
    }

    /**
     * Applies the plan and prints the report: the statements run before a refused one are applied (though a
     * transaction rolled them back), the refused one and those after it pending, as the reference reports them.
     */
    private void applyReported(SchemaTemplate template, Database db, Plan plan) {
        List<PlannedChange> all = plan.changes();
        try {
            PlanExecutor.execute(db.connection(), plan);
        } catch (StatementException e) {
            int failed = -1;
            for (int i = 0; i < all.size() && failed < 0; i++) {
                if (all.get(i).sql().trim().equals(e.statement().trim())) {
                    failed = i;
                }
            }
            if (failed < 0) {
                print(template, db, List.of(), all, null, e.getMessage());
            } else {
                print(
                        template,
                        db,
                        all.subList(0, failed),
                        all.subList(failed, all.size()),
                        all.get(failed).sql(),
                        e.getMessage());
            }
            throw e;
        }
        print(template, db, all, List.of(), null, null);
    }

    private void print(
            SchemaTemplate template,
            Database db,
            List<PlannedChange> applied,
            List<PlannedChange> pending,
            @Nullable String failed,
            @Nullable String error) {
        LintTree.Struct report = SchemaTemplate.applyReport(
                MigrateFormats.driver(db), LintTree.url(db), applied, pending, failed, error);
        env.out().print(template.execute(report, Map.of()));
        env.out().flush();
    }

    /** Returns whether the lint report reaches the review policy's level, so that the user must approve. */
    static boolean reaches(ReviewPolicy policy, LintReport report) {
        return switch (policy) {
            case ALWAYS -> true;
            case WARNING -> report.hasErrors() || report.diagnosticsCount() > 0;
            case ERROR -> report.hasErrors();
        };
    }

    private boolean isTransactional() {
        return switch (txMode) {
            case "file", "all" -> true;
            case "none" -> false;
            default -> throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "unknown tx-mode \"" + txMode + "\": expected file or none");
        };
    }
}
