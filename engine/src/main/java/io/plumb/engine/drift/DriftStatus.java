package io.plumb.engine.drift;

/** A {@code DriftStatus} is the verdict of one drift check. */
public enum DriftStatus {
    /** The database holds exactly the expected state, and nothing is pending. */
    SYNCED,
    /** The database holds the state of its applied versions; files are pending, which is never drift. */
    PENDING,
    /** The database differs from the state its applied versions (or the desired schema) give. */
    DRIFTED,
    /** The last revision recorded an error: a migration failed part-way, so there is no clean expected state. */
    FAILED
}
