package io.plumb.agent.notify;

import org.jspecify.annotations.Nullable;

/** An {@code Environment} looks up the environment variables that hold secrets: passwords and signing keys. */
@FunctionalInterface
public interface Environment {

    /** Returns the variable's value, or null when it is not set. */
    @Nullable
    String lookup(String name);

    /** Returns the process environment. */
    static Environment system() {
        return System::getenv;
    }
}
