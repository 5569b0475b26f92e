package io.plumb.runner.internal;

import static io.plumb.runner.internal.Builtins.refuseNegation;
import static io.plumb.runner.internal.Builtins.usage;

import java.util.List;

/**
 * {@code TtyCommands} are {@code ttyin} and {@code ttyout}: the next {@code exec} gets a pseudo-terminal as its
 * controlling terminal, fed from a file, and what the program writes to it can be matched afterwards.
 */
final class TtyCommands {
    private TtyCommands() {}

    static void ttyin(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "ttyin");
        boolean stdin = !args.isEmpty() && args.get(0).equals("-stdin");
        List<String> rest = stdin ? args.subList(1, args.size()) : args;
        usage(rest.size() == 1, "ttyin [-stdin] filename");
        ts.setTtyin(ts.readFile(rest.get(0)), stdin);
    }

    static void ttyout(ScriptState ts, boolean neg, List<String> args) {
        MatchCommands.match(ts, neg, args, "ttyout");
    }
}
