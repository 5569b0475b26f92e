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
import java.util.stream.Stream;

/**
 * The {@code EngineScriptExtension} adds the reference tool's database commands and the dialect conditions
 * ({@code [sqlite]}, {@code [postgres]}, {@code [mysql]}, {@code [maria]}) to scripts, and prepares each script as
 * the reference does: its database made and {@code $db} set (see {@link ScriptDatabase}), and every literal {@code
 * URL} and {@code DEV_URL} in an archived {@code atlas.hcl} replaced by the URL of the script's database and dev
 * database (on MySQL, {@code URL} there is the server's, as the reference's, see {@link
 * ScriptDatabase#projectUrl}), and every {@code $db} in an archived {@code .hcl} file by the script's schema, so that one HCL file names
 * {@code main} on SQLite, {@code public} on PostgreSQL and the script's own schema on MariaDB. It sets {@code
 * $version} to the reference tool's name of the server ({@link ScriptTarget}), which {@code only} tests.
 */
public final class EngineScriptExtension implements io.plumb.runner.ScriptExtension {

    private static final Pattern DEV_URL = Pattern.compile("\\bDEV_URL\\b");
    private static final Pattern URL = Pattern.compile("\\bURL\\b");

    @Override
    public Map<String, ScriptCommand> commands() {
        return Map.ofEntries(
                Map.entry("execsql", new ExecSqlCommand()),
                Map.entry("query", new QueryCommand()),
                Map.entry("exist", new ExistCommand()),
                Map.entry("apply", new ApplyCommand()),
                Map.entry("synced", new SyncedCommand()),
                Map.entry("cmphcl", new CmpHclCommand()),
                Map.entry("cmpshow", new CmpShowCommand()),
                Map.entry("cmpmig", new CmpMigCommand()),
                Map.entry("clearSchema", new ClearSchemaCommand()),
                Map.entry("only", new OnlyCommand()),
                Map.entry("validJSON", new ValidJsonCommand()));
    }

    @Override
    public Optional<Boolean> condition(ScriptContext script, String condition) {
        return ScriptDialect.of(script).holds(condition);
    }

    @Override
    public void setup(ScriptContext script) {
        ScriptDatabase.setup(script);
        substituteSchema(script);
        Path project = script.workDir().resolve("atlas.hcl");
        if (Files.isRegularFile(project)) {
            try {
                String text = Files.readString(project, StandardCharsets.UTF_8);
                if (DEV_URL.matcher(text).find()) {
                    text = DEV_URL.matcher(text).replaceAll(Matcher.quoteReplacement(ScriptDatabase.devUrl(script)));
                }
                if (URL.matcher(text).find()) {
                    text = URL.matcher(text).replaceAll(Matcher.quoteReplacement(ScriptDatabase.projectUrl(script)));
                }
                Files.writeString(project, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void substituteSchema(ScriptContext script) {
        try (Stream<Path> files = Files.walk(script.workDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".hcl") && Files.isRegularFile(f))
                    .toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String substituted = ScriptSchemas.substitute(script, text);
                if (!substituted.equals(text)) {
                    Files.writeString(file, substituted, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
