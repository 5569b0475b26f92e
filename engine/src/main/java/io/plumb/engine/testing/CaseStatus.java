package io.plumb.engine.testing;

/** A {@code CaseStatus} is how a test case ended. */
public enum CaseStatus {
    PASS,
    FAIL,
    SKIP
}
