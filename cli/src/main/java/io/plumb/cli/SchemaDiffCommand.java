package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.ConcurrentIndex;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.source.SourceLoader;
import io.plumb.engine.spec.RealmJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** A {@code SchemaDiffCommand} is {@code plumb schema diff}: it prints the statements that turn one state into another. */
@Command(
        name = "diff",
        header = "Print the statements that turn one schema state into another.",
        description = {
            "",
            "Each state is HCL or SQL files or directories, or a database URL. SQL files, and HCL files when no"
                    + " database URL gives the dialect, need --dev-url. --format hcl prints the desired state"
                    + " as HCL instead of the statements.",
            ""
        })
final class SchemaDiffCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--from", paramLabel = "URL", description = "The current state (comma-separated sources).")
    List<String> from = new ArrayList<>();

    @Option(names = "--to", paramLabel = "URL", description = "The desired state (comma-separated sources).")
    List<String> to = new ArrayList<>();

    @Option(names = "--dev-url", paramLabel = "URL", description = "A dev database to load and normalise states on.")
    @Nullable
    String devUrl;

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Option(
            names = {"--format", "--log"},
            paramLabel = "FORMAT",
            description = "sql (the default), hcl, or a Go template over the diff, such as '{{ sql . \"  \" }}'"
                    + " (default: the env's format { schema { diff } }).")
    @Nullable
    String format;

    SchemaDiffCommand(CliEnvironment env) {
        this.env = env;
    }

    /**
     * Returns whether the exclude patterns of one side name tables of its one schema ({@code t*}) rather than schemas
     * and their tables ({@code s.t*}): a database URL is as its binding says, files are as loaded on the dev
     * database, and without one, bound.
     */
    private static boolean bound(Workspace workspace, List<String> sources, @Nullable Database dev) {
        if (sources.size() == 1 && SourceLoader.isDatabaseUrl(sources.get(0))) {
            return workspace.open(sources.get(0)).boundSchema().isPresent();
        }
        return dev == null || dev.boundSchema().isPresent();
    }

    /**
     * Returns whether the plan leaves its tables unqualified, as the reference plans on the connection it diffs with:
     * the dev database, else the {@code from} database. A connection bound to one schema plans unqualified; one bound
     * to the server qualifies every table with its schema.
     */
    private static boolean planBound(Workspace workspace, List<String> fromSources, @Nullable Database dev) {
        if (dev != null) {
            return dev.boundSchema().isPresent();
        }
        return fromSources.size() != 1
                || !SourceLoader.isDatabaseUrl(fromSources.get(0))
                || workspace.open(fromSources.get(0)).boundSchema().isPresent();
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        List<String> fromSources = selection.pickList(from, e -> List.of());
        List<String> toSources = selection.pickList(to, e -> e.src());
        if (fromSources.isEmpty()) {
            throw Flags.missing(spec, "from");
        }
        if (toSources.isEmpty()) {
            throw Flags.missing(spec, "to");
        }
        String text =
                format != null ? format : selection.format("schema", "diff").orElse("sql");
        SchemaTemplate template =
                SchemaTemplate.isTemplate(text) ? SchemaTemplate.parse(text, SchemaTemplate.Kind.DIFF, spec) : null;
        OutputFormat output =
                template != null ? new OutputFormat(OutputFormat.Kind.SQL, "") : OutputFormat.parse(text, spec);
        List<String> excluded = scope.exclude(selection);
        try (Workspace workspace = new Workspace(env, selection)) {
            Database dev = workspace.openDev(selection.pick(devUrl, e -> e.dev()));
            Dialect dialect = dialect(workspace, dev, fromSources, toSources);
            SourceLoader loader = workspace.loader();
            Realm current = Workspace.exclude(
                    workspace.warnUnsupported(loader.load(fromSources, dialect, dev)),
                    excluded,
                    bound(workspace, fromSources, dev));
            Realm desired = Workspace.exclude(
                    workspace.warnUnsupported(loader.load(toSources, dialect, dev)),
                    excluded,
                    bound(workspace, toSources, dev));
            if (output.kind() == OutputFormat.Kind.HCL) {
                env.out().print(dialect.spec().write(desired));
                return 0;
            }
            Path cwd = env.workingDirectory();
            if (!BoundSchema.isHcl(toSources, cwd)) {
                desired = BoundSchema.sameOnlySchema(desired, current);
            } else if (!BoundSchema.isHcl(fromSources, cwd)) {
                current = BoundSchema.sameOnlySchema(current, desired);
            }
            List<SchemaChange> changes = workspace.diff(current, desired, dialect);
            if (template != null) {
                boolean qualified = !planBound(workspace, fromSources, dev);
                ConcurrentIndex concurrent = selection.diffPolicy().concurrentIndex();
                LintTree.Struct report = report(current, desired, changes);
                env.out()
                        .print(template.execute(
                                report,
                                Map.of(
                                        "sql",
                                        SchemaTemplate.sql(
                                                report,
                                                indent -> SchemaTemplate.statements(dialect.planner()
                                                        .plan(changes, new PlanOptions(qualified, indent, concurrent))
                                                        .changes())))));
                env.out().flush();
                return 0;
            }
            if (changes.isEmpty()) {
                env.out().println("Schemas are synced, no changes to be made.");
                return 0;
            }
            PlanPrinter.printStatements(
                    env.out(),
                    dialect.planner()
                            .plan(
                                    changes,
                                    new PlanOptions(
                                            !planBound(workspace, fromSources, dev),
                                            output.indent(),
                                            selection.diffPolicy().concurrentIndex())));
        }
        return 0;
    }

    /** Returns the reference's {@code SchemaDiff} report: the two states and the changes, for templates. */
    private static LintTree.Struct report(Realm from, Realm to, List<SchemaChange> changes) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("From", SchemaTemplate.tree(RealmJson.write(from)));
        fields.put("To", SchemaTemplate.tree(RealmJson.write(to)));
        List<Object> list = new ArrayList<>();
        changes.forEach(c -> list.add(new LintTree.Struct(Map.of(), Map.of())));
        fields.put("Changes", list);
        return new LintTree.Struct(fields, Map.of());
    }

    private Dialect dialect(
            Workspace workspace, @Nullable Database dev, List<String> fromSources, List<String> toSources) {
        if (dev != null) {
            return dev.dialect();
        }
        Optional<String> url = java.util.stream.Stream.concat(fromSources.stream(), toSources.stream())
                .filter(SourceLoader::isDatabaseUrl)
                .findFirst();
        if (url.isEmpty()) {
            throw new EngineFailure("--dev-url is required when no state is a database URL");
        }
        return workspace.open(url.get()).dialect();
    }
}
