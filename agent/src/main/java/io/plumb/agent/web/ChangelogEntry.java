package io.plumb.agent.web;

import java.time.Instant;

/**
 * A {@code ChangelogEntry} records that a target's inspected schema changed between two checks.
 *
 * @param time when the check that saw the change ran
 * @param summary a one-line summary, such as {@code add column "email" to table "users"}
 * @param diff the unified HCL diff of the schema before against after
 */
public record ChangelogEntry(Instant time, String summary, String diff) {}
