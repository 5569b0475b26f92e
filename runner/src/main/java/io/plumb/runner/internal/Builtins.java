package io.plumb.runner.internal;

import io.plumb.runner.ScriptFailure;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code Builtins} is the registry of every builtin command, in one place as in go-internal. The commands live in
 * {@link FileCommands}, {@link MatchCommands}, {@link ProcessCommands} and {@link ControlCommands}.
 */
final class Builtins {
    private static final Map<String, Builtin> ALL = new TreeMap<>();

    static {
        ALL.put("cd", ControlCommands::cd);
        ALL.put("chmod", FileCommands::chmod);
        ALL.put("cmp", (ts, neg, args) -> MatchCommands.cmp(ts, neg, args, false));
        ALL.put("cmpenv", (ts, neg, args) -> MatchCommands.cmp(ts, neg, args, true));
        ALL.put("cp", FileCommands::cp);
        ALL.put("env", ControlCommands::env);
        ALL.put("exec", ProcessCommands::exec);
        ALL.put("exists", FileCommands::exists);
        ALL.put("grep", (ts, neg, args) -> MatchCommands.match(ts, neg, args, "grep"));
        ALL.put("kill", ProcessCommands::kill);
        ALL.put("mkdir", FileCommands::mkdir);
        ALL.put("mv", FileCommands::mv);
        ALL.put("rm", FileCommands::rm);
        ALL.put("skip", ControlCommands::skip);
        ALL.put("stderr", (ts, neg, args) -> MatchCommands.match(ts, neg, args, "stderr"));
        ALL.put("stdin", ProcessCommands::stdin);
        ALL.put("stdout", (ts, neg, args) -> MatchCommands.match(ts, neg, args, "stdout"));
        ALL.put("stop", ControlCommands::stop);
        ALL.put("symlink", FileCommands::symlink);
        ALL.put("ttyin", TtyCommands::ttyin);
        ALL.put("ttyout", TtyCommands::ttyout);
        ALL.put("unix2dos", FileCommands::unix2dos);
        ALL.put("unquote", FileCommands::unquote);
        ALL.put("wait", ProcessCommands::waitCommand);
    }

    private Builtins() {}

    static Map<String, Builtin> all() {
        return ALL;
    }

    /** Fails with {@code unsupported: ! name} when a command that cannot be negated is. */
    static void refuseNegation(boolean negated, String name) {
        if (negated) {
            throw new ScriptFailure("unsupported: ! " + name);
        }
    }

    /** Fails with the usage line unless {@code test} holds. */
    static void usage(boolean test, String usage) {
        if (!test) {
            throw new ScriptFailure("usage: " + usage);
        }
    }

    static String last(List<String> args) {
        return args.get(args.size() - 1);
    }
}
