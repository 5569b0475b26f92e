package io.plumb.engine.script;

import io.plumb.engine.db.Database;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.TextDiff;
import java.util.List;

/**
 * {@code cmphcl FILE} inspects the script's database and compares the HCL the inspector writes with FILE (after
 * {@code $db} substitution), ignoring leading and trailing white space; a mismatch prints a diff.
 */
final class CmpHclCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (negated) {
            throw new ScriptFailure("unsupported: ! cmphcl");
        }
        if (args.size() != 1) {
            throw new ScriptFailure("usage: cmphcl FILE");
        }
        Database db = ScriptDatabase.open(script);
        String actual = db.dialect().spec().write(db.inspect(List.of())).strip();
        String expected =
                ScriptSchemas.substitute(script, script.readFile(args.get(0))).strip();
        if (!actual.equals(expected)) {
            script.log(TextDiff.unified("inspected", actual + "\n", args.get(0), expected + "\n"));
            throw new ScriptFailure("inspected HCL and " + args.get(0) + " differ");
        }
    }
}
