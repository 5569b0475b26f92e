package io.plumb.engine.testing;

import java.util.Optional;

/** A {@code TestKind} is the first label of a {@code test} block: what the test's cases start from. */
public enum TestKind {
    /** A schema test: each case starts from the desired schema, created on an empty dev database. */
    SCHEMA("schema"),
    /** A migration test: each case starts from an empty dev database and migrates with {@code migrate} blocks. */
    MIGRATE("migrate");

    private final String label;

    TestKind(String label) {
        this.label = label;
    }

    /** Returns the label as written in a test file. */
    public String label() {
        return label;
    }

    /** Returns the kind a label names, if any. */
    public static Optional<TestKind> ofLabel(String label) {
        for (TestKind kind : values()) {
            if (kind.label.equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
