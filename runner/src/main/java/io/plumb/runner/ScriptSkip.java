package io.plumb.runner;

/** A {@code ScriptSkip} ends a script as skipped; its message says why. */
public class ScriptSkip extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates a skip with the reason to log, which may be empty. */
    public ScriptSkip(String reason) {
        super(reason, null, false, false);
    }
}
