package io.plumb.engine.script;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.util.List;

/**
 * {@code apply FILE.hcl} brings the script's database to the schema of an HCL file and then requires that nothing
 * is left to change; {@code ! apply FILE.hcl [MESSAGE]} expects the diff or the apply to fail, with an error
 * containing MESSAGE when given. As the reference's, a negated apply given more than one word after the file (a
 * message in double quotes, which do not quote in a script) only expects the failure.
 */
final class ApplyCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (args.isEmpty() || (!negated && args.size() > 1)) {
            throw new ScriptFailure("usage: apply FILE.hcl, or ! apply FILE.hcl [MESSAGE]");
        }
        Database db = ScriptDatabase.open(script);
        try {
            Realm desired = ScriptSchemas.readHcl(script, db, args.get(0));
            List<SchemaChange> changes = ScriptSchemas.diff(script, db, desired);
            PlanExecutor.execute(db.connection(), db.dialect().planner().plan(changes, PlanOptions.defaults()));
            List<SchemaChange> left = ScriptSchemas.diff(script, db, desired);
            if (!left.isEmpty()) {
                throw new ScriptFailure("apply: changes left after apply: " + ScriptSchemas.describe(db, left));
            }
        } catch (RuntimeException e) {
            if (!negated) {
                throw e instanceof ScriptFailure f ? f : new ScriptFailure("apply: " + e.getMessage(), e);
            }
            String message = String.valueOf(e.getMessage());
            if (args.size() == 2 && !message.contains(args.get(1))) {
                throw new ScriptFailure(
                        "apply failed with \"" + message + "\", expected it to contain \"" + args.get(1) + "\"");
            }
            script.log("apply failed as expected: " + message);
            return;
        }
        if (negated) {
            throw new ScriptFailure("apply: unexpected success");
        }
    }
}
