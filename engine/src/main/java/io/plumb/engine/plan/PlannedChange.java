package io.plumb.engine.plan;

import java.util.Optional;

/**
 * A {@code PlannedChange} is one statement of a plan.
 *
 * @param comment what the statement does, lower-case as the reference tool writes it ({@code create "users"
 *     table}); printed capitalised as {@code -- Create "users" table}
 * @param sql the statement, without a trailing semicolon
 * @param reverse the statement that undoes it, when there is one
 */
public record PlannedChange(String comment, String sql, Optional<String> reverse) {}
