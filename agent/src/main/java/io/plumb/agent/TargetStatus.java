package io.plumb.agent;

import java.util.Locale;

/** A {@code TargetStatus} is what the last check of a target found. */
public enum TargetStatus {
    /** The database is at the directory's latest version and matches the state that version describes. */
    SYNCED,
    /** The database matches the state of its version, and files are left to apply. */
    PENDING,
    /** The database differs from the state its applied versions describe. */
    DRIFTED,
    /** The check could not run: the database is unreachable, or its last revision failed. */
    ERROR;

    /** Returns the lower-case name the API, the store and the log use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the status a label names.
     *
     * @throws IllegalArgumentException for an unknown label
     */
    public static TargetStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
