package io.plumb.runner.internal;

import static io.plumb.runner.internal.Builtins.usage;

import io.plumb.runner.ScriptFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code MatchCommands} are the builtins that check output and files: {@code cmp}, {@code stdout}, ... */
final class MatchCommands {
    private MatchCommands() {}

    /** {@code cmp} and {@code cmpenv}: compares a file (or stdout/stderr/ttyout) with a file. */
    static void cmp(ScriptState ts, boolean neg, List<String> args, boolean env) {
        String command = env ? "cmpenv" : "cmp";
        usage(args.size() == 2, command + " file1 file2");
        String name1 = args.get(0);
        String name2 = args.get(1);
        if (name1.equals(name2)) {
            throw new ScriptFailure(command + ": cannot compare a file against itself");
        }
        String text1 = ts.readFile(name1);
        Path absName2 = ts.mkAbs(name2);
        String text2 = ts.readText(absName2);
        if (env) {
            text2 = Expander.expand(text2, ts::getenv);
        }
        boolean equal = text1.equals(text2);
        if (neg) {
            if (equal) {
                throw new ScriptFailure(name1 + " and " + name2 + " do not differ");
            }
            return;
        }
        if (equal) {
            return;
        }
        if (ts.isUpdateMode() && !env && ts.recordUpdate(absName2, text1)) {
            return;
        }
        ts.log(UnifiedDiff.diff(name1, text1, name2, text2));
        throw new ScriptFailure(name1 + " and " + name2 + " differ");
    }

    /** {@code stdout}, {@code stderr} and {@code grep}: matches a Go regexp against output or a file. */
    static void match(ScriptState ts, boolean neg, List<String> args, String command) {
        int count = 0;
        List<String> rest = args;
        if (!rest.isEmpty() && rest.get(0).startsWith("-count=")) {
            if (neg) {
                throw new ScriptFailure("cannot use -count= with negated match");
            }
            count = parseCount(rest.get(0).substring("-count=".length()));
            rest = rest.subList(1, rest.size());
        }
        boolean isGrep = command.equals("grep");
        usage(rest.size() == (isGrep ? 2 : 1), command + " [-count=N] 'pattern'" + (isGrep ? " file" : ""));
        String pattern = rest.get(0);
        Pattern regex;
        try {
            regex = GoRegex.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw new ScriptFailure(String.valueOf(e.getMessage()), e);
        }
        String name = command;
        String text;
        if (isGrep) {
            name = rest.get(1);
            text = ts.readText(ts.mkAbs(name));
        } else {
            text = ts.readFile(command);
        }
        Matcher matcher = regex.matcher(text);
        boolean found = matcher.find();
        if (neg) {
            if (found) {
                logGrepInput(ts, isGrep, name, text);
                throw new ScriptFailure("unexpected match for " + GoQuote.backquoted(pattern) + " found in " + name
                        + ": " + matcher.group());
            }
            return;
        }
        if (!found) {
            logGrepInput(ts, isGrep, name, text);
            throw new ScriptFailure("no match for " + GoQuote.backquoted(pattern) + " found in " + name);
        }
        if (count > 0) {
            int have = GoRegex.countMatches(regex, text);
            if (have != count) {
                throw new ScriptFailure(
                        "have " + have + " matches for " + GoQuote.backquoted(pattern) + ", want " + count);
            }
        }
    }

    private static void logGrepInput(ScriptState ts, boolean isGrep, String name, String text) {
        if (isGrep) {
            ts.log("[" + name + "]\n" + text);
        }
    }

    private static int parseCount(String text) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ScriptFailure(
                    "bad -count=: strconv.Atoi: parsing " + GoQuote.quote(text) + ": invalid syntax", e);
        }
        if (n < 1) {
            throw new ScriptFailure("bad -count=: must be at least 1");
        }
        return n;
    }
}
