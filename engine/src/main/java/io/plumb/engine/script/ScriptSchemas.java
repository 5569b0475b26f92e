package io.plumb.engine.script;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.source.HclSources;
import io.plumb.engine.source.SourceLoader;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The schema operations the script commands share: reading an HCL file, diffing it with the script's database. */
final class ScriptSchemas {

    private ScriptSchemas() {}

    /**
     * Replaces {@code $db}, and on MySQL {@code $charset} and {@code $collate}, in text the runner did not expand,
     * such as the content of archived files, as the reference does.
     */
    static String substitute(ScriptContext script, String text) {
        String result = text.replace("$db", ScriptDatabase.schema(script));
        for (String name : List.of("charset", "collate")) {
            String value = script.getenv(name);
            if (!value.isEmpty()) {
                result = result.replace("$" + name, value);
            }
        }
        return result;
    }

    /** Reads an HCL schema file of the script, after {@code $db} substitution, in the database's dialect. */
    static Realm readHcl(ScriptContext script, Database db, String file) {
        String text = substitute(script, script.readFile(file));
        try {
            return db.dialect().spec().read(HclSources.evaluateText(file, text, script.cwd(), Map.of(), name -> {
                String value = script.getenv(name);
                return value.isEmpty() ? null : value;
            }));
        } catch (HclException e) {
            throw new ScriptFailure(String.valueOf(e.getMessage()));
        }
    }

    /** Describes changes by the comments of their planned statements, for failure messages. */
    static String describe(Database db, List<SchemaChange> changes) {
        return db.dialect().planner().plan(changes, PlanOptions.defaults()).changes().stream()
                .map(PlannedChange::comment)
                .collect(Collectors.joining("; "));
    }

    /**
     * Returns the changes that bring the script's database to the desired realm. On PostgreSQL and MySQL the desired
     * realm is first created on the script's dev database and inspected back, as the reference's {@code apply} and
     * {@code synced} normalize it, so that an expression or type the database rewrites ({@code floor(x)} as {@code
     * floor((x)::double precision)}) compares with what the database holds; SQLite's is compared as read.
     */
    static List<SchemaChange> diff(ScriptContext script, Database db, Realm desired) {
        Realm current = withoutUndeclaredKinds(db.inspect(List.of()), desired);
        Realm wanted = desired;
        if (ScriptDialect.of(script) != ScriptDialect.SQLITE) {
            wanted = SourceLoader.normalize(desired, dev(script));
        }
        return new Differ().diff(current, wanted, new DiffOptions(db.dialect().normalizer(), DiffPolicy.none()));
    }

    /**
     * Returns the current realm without the objects of kinds the desired one never declares. The reference's open
     * build, whose scripts these commands run, models tables only: a domain or function a script creates with {@code
     * execsql} and its HCL leaves out is not the reference's to drop, so it is not this command's either. Kinds the
     * HCL does declare are compared in full.
     */
    static Realm withoutUndeclaredKinds(Realm current, Realm desired) {
        Set<ObjectKind> declared = new HashSet<>();
        desired.objects().forEach(o -> declared.add(o.kind()));
        desired.schemas().forEach(s -> s.objects().forEach(o -> declared.add(o.kind())));
        return new Realm(
                current.schemas().stream()
                        .map(s -> s.withObjects(s.objects().stream()
                                .filter(o -> declared.contains(o.kind()))
                                .toList()))
                        .toList(),
                current.objects().stream()
                        .filter(o -> declared.contains(o.kind()))
                        .toList(),
                current.unsupported());
    }

    /** Returns the script's dev database, opening it on first use; it is closed when the script ends. */
    private static Database dev(ScriptContext script) {
        String key = ScriptSchemas.class.getName() + ".dev";
        return script.value(key).map(Database.class::cast).orElseGet(() -> {
            Database dev = Database.open(ScriptDatabase.devUrl(script), script.workDir());
            script.putValue(key, dev);
            script.defer(dev::close);
            return dev;
        });
    }
}
