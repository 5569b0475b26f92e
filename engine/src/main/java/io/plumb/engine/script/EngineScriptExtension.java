package io.plumb.engine.script;

import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code EngineScriptExtension} adds the reference tool's database commands to scripts, and prepares each
 * script as the reference does: {@code db=main}, and every literal {@code URL} in an archived {@code atlas.hcl}
 * replaced by the URL of the script's database.
 */
public final class EngineScriptExtension implements io.plumb.runner.ScriptExtension {

    @Override
    public Map<String, ScriptCommand> commands() {
        return Map.of(
                "execsql", new ExecSqlCommand(),
                "exist", new ExistCommand(),
                "apply", new ApplyCommand(),
                "synced", new SyncedCommand(),
                "cmphcl", new CmpHclCommand(),
                "cmpshow", new CmpShowCommand(),
                "cmpmig", new CmpMigCommand(),
                "clearSchema", new ClearSchemaCommand());
    }

    @Override
    public void setup(ScriptContext script) {
        script.setenv("db", "main");
        Path project = script.workDir().resolve("atlas.hcl");
        if (Files.isRegularFile(project)) {
            try {
                String text = Files.readString(project, StandardCharsets.UTF_8);
                Files.writeString(project, text.replace("URL", ScriptDatabase.url(script)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
