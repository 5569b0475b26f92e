package io.plumb.cli;

import io.plumb.engine.script.ScriptDatabase;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code AtlasScriptCommand} is the script command {@code [!] atlas args... [> file]}: the in-process CLI under
 * the reference tool's name, so that the reference's own scripts run unchanged.
 *
 * <p>As the reference's script runner does, it replaces the arguments {@code URL} and {@code DEV_URL} by the URLs
 * of the script's database and dev database (and {@code DB_URL} by the database's URL bound to no schema), also
 * inside an argument ({@code --var url=URL}), and {@code $db} by the schema name; it appends {@code --lock-timeout 30s} to {@code migrate apply} and {@code migrate
 * diff}; and a trailing {@code > file} writes standard output to the file instead of capturing it.
 */
final class AtlasScriptCommand implements ScriptCommand {

    // A placeholder inside an argument (--var url=URL), as a word of its own; not a template's field (.URL).
    private static final Pattern PLACEHOLDER =
            Pattern.compile("(?<![A-Za-z0-9_.])(?:DEV_DB_URL|DEV_URL|DB_URL|URL)(?![A-Za-z0-9_])");

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        List<String> argv = new ArrayList<>();
        for (String arg : args) {
            argv.add(substitute(script, arg));
        }
        String redirect = null;
        if (argv.size() >= 2 && argv.get(argv.size() - 2).equals(">")) {
            redirect = argv.get(argv.size() - 1);
            argv = new ArrayList<>(argv.subList(0, argv.size() - 2));
        }
        if (argv.size() >= 2
                && argv.get(0).equals("migrate")
                && List.of("apply", "diff").contains(argv.get(1))
                && !argv.contains("--lock-timeout")) {
            argv.add("--lock-timeout");
            argv.add("30s");
        }
        StringWriter captured = new StringWriter();
        PrintWriter out = redirect == null ? script.stdout() : new PrintWriter(captured);
        try {
            PlumbScriptCommand.runCli(script, negated, "atlas", argv, out);
        } finally {
            if (redirect != null) {
                write(script, redirect, captured.toString());
            }
        }
    }

    private static void write(ScriptContext script, String file, String text) {
        try {
            Files.writeString(script.mkAbs(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptFailure("atlas: writing " + file + ": " + e.getMessage(), e);
        }
    }

    private static String substitute(ScriptContext script, String arg) {
        String url = ScriptDatabase.argument(script, arg);
        if (!url.equals(arg)) {
            return url;
        }
        Matcher placeholder = PLACEHOLDER.matcher(arg);
        String replaced = placeholder.find()
                ? placeholder.replaceAll(m -> Matcher.quoteReplacement(ScriptDatabase.argument(script, m.group())))
                : arg;
        return replaced.replace("$db", ScriptDatabase.schema(script));
    }
}
