package io.plumb.runner.internal;

import static io.plumb.runner.internal.Builtins.refuseNegation;
import static io.plumb.runner.internal.Builtins.usage;

import io.plumb.runner.ScriptSkip;
import java.util.List;
import java.util.Map;

/** {@code ControlCommands} are the builtins that steer the script: {@code cd}, {@code env}, {@code skip}, {@code stop}. */
final class ControlCommands {
    private ControlCommands() {}

    static void cd(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "cd");
        usage(args.size() == 1, "cd dir");
        ts.chdir(args.get(0));
        ts.log(ts.cwd().toString());
    }

    static void env(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "env");
        if (args.isEmpty()) {
            for (Map.Entry<String, String> entry : ts.envMap().entrySet()) {
                ts.log(entry.getKey() + "=" + entry.getValue());
            }
            return;
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                // A bare name shows the value in the log rather than setting anything.
                ts.log(arg + "=" + ts.getenv(arg));
            } else {
                ts.setenv(arg.substring(0, equals), arg.substring(equals + 1));
            }
        }
    }

    static void skip(ScriptState ts, boolean neg, List<String> args) {
        usage(args.size() <= 1, "skip [msg]");
        refuseNegation(neg, "skip");
        // Background programs are stopped and their status checked first, so a failing one still fails the script.
        for (BackgroundProcess background : ts.background()) {
            ProcessLauncher.signal(background.process(), "INT");
        }
        ProcessCommands.waitAll(ts, true);
        throw new ScriptSkip(args.isEmpty() ? "" : args.get(0));
    }

    static void stop(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "stop");
        usage(args.size() <= 1, "stop [msg]");
        ts.log(args.isEmpty() ? "stop" : "stop: " + args.get(0));
        throw new ScriptStop();
    }
}
