package io.plumb.engine.script;

import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.ScriptSkip;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code only} command runs the rest of a script only on the servers it names: each argument is a regular
 * expression, matched case-insensitively anywhere in {@code $version} ({@code postgres15}, {@code maria114}), and the
 * script goes on when any of them matches, and is skipped otherwise. {@code ! only} inverts each match: the script
 * goes on when any pattern does not match, so it is skipped only where all of them match. This is the reference
 * tool's definition, kept to the letter so that its scripts skip where it skips them.
 */
final class OnlyCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (args.isEmpty()) {
            throw new ScriptFailure("usage: only PATTERN...");
        }
        String version = script.getenv("version");
        for (String arg : args) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(arg, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                throw new ScriptFailure("only: invalid pattern " + arg + ": " + e.getDescription());
            }
            if (pattern.matcher(version).find() != negated) {
                return;
            }
        }
        ScriptDatabase.skipping(script);
        throw new ScriptSkip("skip version " + version);
    }
}
