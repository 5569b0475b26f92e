package io.plumb.engine.lint;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationTemplate;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code PlanLint} lints the plan of {@code schema apply} as {@code migrate lint} lints a new file: the current
 * state is created on the dev database as the base, then the planned statements run there statement by statement
 * as one new file, in the layout {@code migrate diff} would write it (each statement under its comment line, so a
 * finding's line is the statement's line in the printed plan). The dev database must be clean and is left clean.
 */
public final class PlanLint {

    /** The name the planned statements are linted under. */
    public static final String PLAN_FILE = "2_plan.sql";

    private static final String BASE_FILE = "1_current.sql";

    private PlanLint() {}

    /**
     * Lints a plan against the current state.
     *
     * @param dev the dev database
     * @param config the {@code lint {}} block
     * @param current the current state of the target
     * @param plan the planned statements
     * @param options the options the plan was made with, so the base is written the same way
     * @return the report: one file, {@link #PLAN_FILE}
     */
    public static LintReport lint(Database dev, LintConfig config, Realm current, Plan plan, PlanOptions options) {
        Realm base = current;
        Optional<String> bound = dev.boundSchema();
        if (bound.isPresent()
                && base.schemas().size() == 1
                && !base.schemas().get(0).name().equals(bound.get())) {
            base = base.withOnlySchemaRenamed(bound.get());
        }
        Plan create = dev.dialect().planner().plan(SchemaChange.createAll(base), options);
        MigrationTemplate template = MigrationTemplate.defaults();
        List<MigrationFile> files =
                List.of(file(BASE_FILE, template.render(create)), file(PLAN_FILE, template.render(plan)));
        return new Linter(dev, config).lint(files, ChangeDetector.latest(1));
    }

    /**
     * Returns how many lines the linted file has above the plan's first statement: the {@code -- atlas:txmode none}
     * header and its blank line of a plan that cannot run in a transaction, which the printed plan does not have.
     * Subtracted from a finding's line, it gives the line in the printed plan.
     */
    public static int headerLines(Plan plan) {
        String file = MigrationTemplate.defaults().render(plan);
        String statements = MigrationTemplate.defaults().render(new Plan(plan.changes(), true));
        return (int) file.substring(0, file.length() - statements.length())
                .chars()
                .filter(c -> c == '\n')
                .count();
    }

    private static MigrationFile file(String name, String text) {
        return new MigrationFile(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
