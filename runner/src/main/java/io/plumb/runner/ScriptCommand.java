package io.plumb.runner;

import java.util.List;

/**
 * A {@code ScriptCommand} is one command of the script language, such as {@code exists} or {@code plumb}.
 *
 * <p>A command receives its arguments already expanded, and handles negation itself: with {@code negated}
 * set it must fail when the operation succeeds, or throw {@link ScriptFailure} with {@code unsupported: ! name}
 * when negation means nothing for it. A command fails by throwing {@link ScriptFailure} and skips the script by
 * throwing {@link ScriptSkip}.
 */
@FunctionalInterface
public interface ScriptCommand {

    /** Runs the command in the given script state. */
    void run(ScriptContext script, boolean negated, List<String> args);
}
