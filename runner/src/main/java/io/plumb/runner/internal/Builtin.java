package io.plumb.runner.internal;

import java.util.List;

/** A {@code Builtin} is a command of the script language itself, with access to the runner's own state. */
@FunctionalInterface
interface Builtin {
    void run(ScriptState script, boolean negated, List<String> args);
}
