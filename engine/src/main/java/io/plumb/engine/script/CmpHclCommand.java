package io.plumb.engine.script;

import io.plumb.engine.db.Database;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.TextDiff;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cmphcl FILE} inspects the script's database and compares the HCL the inspector writes with FILE (after
 * {@code $db} substitution), ignoring leading and trailing white space; a mismatch prints a diff. As {@code apply}
 * does, it leaves out the objects of kinds FILE never declares (the reference's open build, whose scripts these are,
 * inspects tables only: a domain made with {@code execsql} is not in its output, and a column of it is written
 * {@code sql("name")}); kinds FILE declares are compared in full.
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
        Realm all = db.inspect(List.of());
        Realm inspected = withTypesOfLeftOutAsWritten(
                all, ScriptSchemas.withoutUndeclaredKinds(all, ScriptSchemas.readHcl(script, db, args.get(0))));
        String actual = db.dialect().spec().write(inspected).strip();
        String expected =
                ScriptSchemas.substitute(script, script.readFile(args.get(0))).strip();
        if (!actual.equals(expected)) {
            script.log(TextDiff.unified("inspected", actual + "\n", args.get(0), expected + "\n"));
            throw new ScriptFailure("inspected HCL and " + args.get(0) + " differ");
        }
    }

    /**
     * Returns the realm with every column whose type is an object left out ({@code "s"."positive_int"}), or an array
     * of one, typed by the object's bare name, as a database bound to its schema prints it and the reference's HCL then writes it.
     */
    private static Realm withTypesOfLeftOutAsWritten(Realm all, Realm kept) {
        Map<String, String> leftOut = new HashMap<>();
        for (Schema schema : all.schemas()) {
            Set<String> keptNames = new HashSet<>();
            kept.schema(schema.name()).ifPresent(k -> k.objects().forEach(o -> keptNames.add(o.name())));
            schema.objects().stream()
                    .filter(o -> !keptNames.contains(o.name()))
                    .forEach(o -> leftOut.put(quote(schema.name()) + "." + quote(o.name()), o.name()));
        }
        if (leftOut.isEmpty()) {
            return kept;
        }
        return kept.withSchemas(kept.schemas().stream()
                .map(s -> s.withTables(s.tables().stream()
                        .map(t -> t.withColumns(t.columns().stream()
                                .map(c -> asWritten(c.type().sql(), leftOut)
                                        .map(w -> c.withType(new ColumnType.Raw(w)))
                                        .orElse(c))
                                .toList()))
                        .toList()))
                .toList());
    }

    // A type of an object left out, or an array of one ("s"."mood"[] is mood[]).
    private static Optional<String> asWritten(String type, Map<String, String> leftOut) {
        String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
        return Optional.ofNullable(leftOut.get(element)).map(name -> name + type.substring(element.length()));
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
