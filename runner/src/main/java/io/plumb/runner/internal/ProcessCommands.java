package io.plumb.runner.internal;

import static io.plumb.runner.internal.Builtins.refuseNegation;
import static io.plumb.runner.internal.Builtins.usage;

import io.plumb.runner.ScriptFailure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** {@code ProcessCommands} are the builtins that run programs: {@code exec}, {@code wait}, {@code kill}, {@code stdin}. */
final class ProcessCommands {
    private static final Pattern BACKGROUND = Pattern.compile("^&([A-Za-z0-9_]+&)?$");

    private ProcessCommands() {}

    static void exec(ScriptState ts, boolean neg, List<String> args) {
        usage(!args.isEmpty(), "exec program [args...] [&]");
        String last = Builtins.last(args);
        if (BACKGROUND.matcher(last).matches()) {
            usage(args.size() > 1, "exec program [args...] [&]");
            startBackground(ts, neg, args, last);
            return;
        }
        ProcessResult result = ProcessLauncher.runForeground(ts, args.get(0), args.subList(1, args.size()));
        ts.setOutput(result.stdout(), result.stderr());
        ts.logOutput(result.stdout(), result.stderr());
        if (result.isSuccess()) {
            if (neg) {
                throw new ScriptFailure("unexpected command success");
            }
            return;
        }
        ts.log("[" + result.state() + "]");
        if (!neg) {
            throw new ScriptFailure("unexpected command failure");
        }
    }

    private static void startBackground(ScriptState ts, boolean neg, List<String> args, String marker) {
        String name = marker.length() > 1 ? marker.substring(1, marker.length() - 1) : "";
        if (!name.isEmpty()) {
            for (BackgroundProcess background : ts.background()) {
                if (background.name().equals(name)) {
                    throw new ScriptFailure("duplicate background process name " + GoQuote.quote(name));
                }
            }
        }
        ts.setOutput("", "");
        try {
            ts.background()
                    .add(ProcessLauncher.startBackground(ts, name, args.get(0), args.subList(1, args.size() - 1), neg));
        } catch (ProcessLauncher.StartException e) {
            ts.log("[" + e.getMessage() + "]");
            if (!neg) {
                throw new ScriptFailure("unexpected command failure");
            }
        }
    }

    static void waitCommand(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "wait");
        usage(args.size() <= 1, "wait [name]");
        if (args.size() == 1) {
            waitOne(ts, args.get(0));
        } else {
            waitAll(ts, true);
        }
    }

    private static void waitOne(ScriptState ts, String name) {
        BackgroundProcess background = find(ts, name);
        ts.background().remove(background);
        ProcessResult result = ProcessLauncher.await(background);
        ts.setOutput(result.stdout(), result.stderr());
        ts.logOutput(result.stdout(), result.stderr());
        checkStatus(ts, background, result);
    }

    /** Waits for every background program in start order; with {@code check}, their status must match. */
    static void waitAll(ScriptState ts, boolean check) {
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        List<BackgroundProcess> running = new ArrayList<>(ts.background());
        ts.background().clear();
        for (BackgroundProcess background : running) {
            ProcessResult result = ProcessLauncher.await(background);
            ts.log("[background] " + String.join(" ", background.args()) + ": " + result.state());
            ts.logOutput(result.stdout(), result.stderr());
            stdout.append(result.stdout());
            stderr.append(result.stderr());
            if (check) {
                checkStatus(ts, background, result);
            }
        }
        ts.setOutput(stdout.toString(), stderr.toString());
    }

    private static void checkStatus(ScriptState ts, BackgroundProcess background, ProcessResult result) {
        if (result.isSuccess()) {
            if (background.negated()) {
                throw new ScriptFailure("unexpected command success");
            }
        } else if (ts.deadline().isExpired()) {
            throw new ScriptFailure("test timed out while running command");
        } else if (!background.negated()) {
            throw new ScriptFailure("unexpected command failure");
        }
    }

    static void kill(ScriptState ts, boolean neg, List<String> args) {
        String signal = "KILL";
        List<String> rest = args;
        while (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            String flag = rest.get(0).substring(1);
            if (!flag.equals("INT") && !flag.equals("KILL")) {
                throw new ScriptFailure("unknown signal: " + flag);
            }
            signal = flag;
            rest = rest.subList(1, rest.size());
        }
        usage(rest.size() <= 1, "kill [-SIGNAL] [name]");
        refuseNegation(neg, "kill");
        if (rest.size() == 1) {
            ProcessLauncher.signal(find(ts, rest.get(0)).process(), signal);
            return;
        }
        for (BackgroundProcess background : ts.background()) {
            ProcessLauncher.signal(background.process(), signal);
        }
    }

    static void stdin(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "stdin");
        usage(args.size() == 1, "stdin filename");
        ts.setStdin(ts.readFile(args.get(0)));
    }

    private static BackgroundProcess find(ScriptState ts, String name) {
        for (Iterator<BackgroundProcess> it = ts.background().iterator(); it.hasNext(); ) {
            BackgroundProcess background = it.next();
            if (background.name().equals(name)) {
                return background;
            }
        }
        throw new ScriptFailure("unknown background process " + GoQuote.quote(name));
    }
}
