package io.plumb.cli;

import io.plumb.engine.migrate.CheckProblem;
import io.plumb.engine.migrate.CheckValidator;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateLintCommand} is {@code plumb migrate lint}: it replays the migration directory on a dev database
 * and reports the pre-migration checks of txtar files that would not parse, run, or return one boolean.
 *
 * <p>Lint analyzers (destructive changes and the like) are not run yet; only checks are validated.
 */
@Command(
        name = "lint",
        header = "Validate the pre-migration checks of a migration directory on a dev database.",
        description = {
            "",
            "The directory is checked against atlas.sum, then replayed file by file on the dev database, which must"
                    + " be clean and is left clean. Before each file, each of its checks is run (and rolled back) at"
                    + " the version before the file: it must parse, run, and return one row of one boolean."
                    + " Problems are printed as FILE:LINE:COL: MESSAGE, one per line; none prints nothing.",
            ""
        })
final class MigrateLintCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Option(names = "--dev-url", paramLabel = "URL", description = "The dev database to replay the directory on.")
    @Nullable
    String devUrl;

    @Option(
            names = "--latest",
            paramLabel = "N",
            description = "Validate the checks of the last N files only (the others are still replayed).")
    @Nullable
    Integer latest;

    @Option(names = "--git-base", paramLabel = "BRANCH", description = "Not supported yet: use --latest.")
    @Nullable
    String gitBase;

    @Option(names = "--format", paramLabel = "FORMAT", description = "'{{ json . }}' for a JSON report.")
    @Nullable
    String format;

    MigrateLintCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (gitBase != null) {
            throw new ParameterException(
                    spec.commandLine(), "--git-base is not supported yet: use --latest N to lint the last N files");
        }
        if (latest != null && latest < 0) {
            throw new ParameterException(spec.commandLine(), "--latest must be 0 or more, found " + latest);
        }
        boolean json = MigrateFormats.isJson(format, spec);
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        String dev = selection.pick(devUrl, e -> e.dev()).orElseThrow(() -> Flags.missing(spec, "dev-url"));
        MigrationDir directory = dir.open(env, selection);
        // As the reference, lint checks an atlas.sum that is there, but runs without one.
        List<MigrationFile> files = directory.readSum().isPresent() ? directory.validate() : directory.files();
        List<CheckProblem> problems;
        try (Workspace workspace = new Workspace(env, selection)) {
            problems = CheckValidator.validate(workspace.open(dev), files, latest == null ? files.size() : latest);
        }
        if (json) {
            env.out().println(json(problems));
        } else {
            problems.forEach(problem -> env.out().println(problem.render()));
        }
        if (!problems.isEmpty()) {
            throw new EngineFailure(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " found in the pre-migration checks of " + directory.display());
        }
        return 0;
    }

    private static String json(List<CheckProblem> problems) {
        return MigrateJson.object(json -> {
            json.writeArrayFieldStart("Problems");
            for (CheckProblem problem : problems) {
                json.writeStartObject();
                json.writeStringField("File", problem.file());
                json.writeNumberField("Line", problem.line());
                json.writeNumberField("Column", problem.column());
                json.writeStringField("Text", problem.message());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }
}
