package io.plumb.runner;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code ScriptExtension} adds commands, conditions and per-script setup to the runner from another module.
 *
 * <p>Extensions are found with {@link java.util.ServiceLoader}: a module lists its implementation in {@code
 * META-INF/services/io.plumb.runner.ScriptExtension}. A script sees exactly the extensions on its class path.
 */
public interface ScriptExtension {

    /** Returns the commands this extension adds, by name. Builtins win over a command of the same name. */
    default Map<String, ScriptCommand> commands() {
        return Map.of();
    }

    /**
     * Evaluates a condition such as {@code postgres} in {@code [postgres]}, or returns empty when this extension
     * does not know the condition.
     */
    default Optional<Boolean> condition(String condition) {
        return Optional.empty();
    }

    /**
     * Evaluates a condition for one script, for conditions that depend on the script's variables (such as the
     * dialect it runs under); by default, {@link #condition(String)}.
     */
    default Optional<Boolean> condition(ScriptContext script, String condition) {
        return condition(condition);
    }

    /** Prepares a script after its files are extracted and before its first line runs. */
    default void setup(ScriptContext script) {}
}
