package io.plumb.runner;

/** A {@code ScriptOutcome} is how a script ended. */
public enum ScriptOutcome {
    /** Every line succeeded, or the script ran {@code stop}. */
    PASSED,
    /** A line failed; the log says which and why. */
    FAILED,
    /** The script ran {@code skip}, or a command skipped it. */
    SKIPPED
}
