package io.plumb.runner.internal;

/** A {@code ScriptStop} ends a script early as a pass, thrown by {@code stop}. */
final class ScriptStop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScriptStop() {
        super("stop", null, false, false);
    }
}
