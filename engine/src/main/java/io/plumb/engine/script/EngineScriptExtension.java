package io.plumb.engine.script;

import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code EngineScriptExtension} adds the reference tool's database commands and the dialect conditions
 * ({@code [sqlite]}, {@code [postgres]}, {@code [mysql]}, {@code [maria]}) to scripts, and prepares each script as
 * the reference does: its database made and {@code $db} set (see {@link ScriptDatabase}), and every literal {@code
 * URL} and {@code DEV_URL} in an archived {@code atlas.hcl} replaced by the URL of the script's database and dev
 * database.
 */
public final class EngineScriptExtension implements io.plumb.runner.ScriptExtension {

    private static final Pattern DEV_URL = Pattern.compile("\\bDEV_URL\\b");
    private static final Pattern URL = Pattern.compile("\\bURL\\b");

    @Override
    public Map<String, ScriptCommand> commands() {
        return Map.of(
                "execsql", new ExecSqlCommand(),
                "query", new QueryCommand(),
                "exist", new ExistCommand(),
                "apply", new ApplyCommand(),
                "synced", new SyncedCommand(),
                "cmphcl", new CmpHclCommand(),
                "cmpshow", new CmpShowCommand(),
                "cmpmig", new CmpMigCommand(),
                "clearSchema", new ClearSchemaCommand());
    }

    @Override
    public Optional<Boolean> condition(ScriptContext script, String condition) {
        return ScriptDialect.of(script).holds(condition);
    }

    @Override
    public void setup(ScriptContext script) {
        ScriptDatabase.setup(script);
        Path project = script.workDir().resolve("atlas.hcl");
        if (Files.isRegularFile(project)) {
            try {
                String text = Files.readString(project, StandardCharsets.UTF_8);
                if (DEV_URL.matcher(text).find()) {
                    text = DEV_URL.matcher(text).replaceAll(Matcher.quoteReplacement(ScriptDatabase.devUrl(script)));
                }
                if (URL.matcher(text).find()) {
                    text = URL.matcher(text).replaceAll(Matcher.quoteReplacement(ScriptDatabase.url(script)));
                }
                Files.writeString(project, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
