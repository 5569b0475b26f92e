package io.plumb.engine.script;

import io.plumb.engine.db.Database;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.util.List;

/** {@code synced FILE.hcl} requires that the script's database has the file's schema; {@code !} that it has not. */
final class SyncedCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (args.size() != 1) {
            throw new ScriptFailure("usage: synced FILE.hcl");
        }
        Database db = ScriptDatabase.open(script);
        List<SchemaChange> changes = ScriptSchemas.diff(script, db, ScriptSchemas.readHcl(script, db, args.get(0)));
        if (!changes.isEmpty() && !negated) {
            throw new ScriptFailure("not synced with " + args.get(0) + ": " + ScriptSchemas.describe(db, changes));
        }
        if (changes.isEmpty() && negated) {
            throw new ScriptFailure("synced with " + args.get(0) + ", expected changes");
        }
    }
}
