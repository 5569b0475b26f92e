package io.plumb.agent;

/** A {@code Checker} checks one target: it reads its revisions, builds the expected state, and compares. */
public interface Checker {

    /**
     * Checks a target. A fault of the target (unreachable, a failed revision) is a result with status
     * {@link TargetStatus#ERROR}, not an exception.
     */
    CheckResult check(Target target);

    /** Returns how many times an expected state was built by replaying a directory; the bench prints it. */
    default long replays() {
        return 0;
    }
}
