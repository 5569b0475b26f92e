package io.plumb.agent.store;

import java.time.Instant;

/**
 * A {@code ChangelogEntry} records that a target's inspected schema changed.
 *
 * @param id the entry's id, increasing
 * @param target the target
 * @param at when the check that saw the change finished
 * @param fingerprint the SHA-256 of the new schema's HCL
 * @param diff the unified diff of the previous schema's HCL against the new one
 */
public record ChangelogEntry(long id, String target, Instant at, String fingerprint, String diff) {}
