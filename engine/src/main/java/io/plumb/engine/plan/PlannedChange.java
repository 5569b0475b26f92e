package io.plumb.engine.plan;

/**
 * A {@code PlannedChange} is one statement of a plan. What undoes it is planned separately, from the diff back
 * ({@link RollbackPlanner}), so that every kind of change on every dialect has its reverse by one mechanism.
 *
 * @param comment what the statement does, lower-case as the reference tool writes it ({@code create "users"
 *     table}); printed capitalised as {@code -- Create "users" table}
 * @param sql the statement, without a trailing semicolon
 */
public record PlannedChange(String comment, String sql) {}
