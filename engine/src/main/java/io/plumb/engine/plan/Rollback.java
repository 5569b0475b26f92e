package io.plumb.engine.plan;

import java.util.List;

/**
 * A {@code Rollback} is the down part of a migration: the statements that undo a plan, in the order they run,
 * grouped in steps that each undo one forward change and carry that change's comment, as the reference tool prints
 * them ({@code -- reverse: create "users" table}).
 *
 * @param steps the steps in the order they run; a step without statements undoes nothing (see {@link Step})
 * @param transactional whether the statements may run in one transaction
 */
public record Rollback(List<Step> steps, boolean transactional) {

    public Rollback {
        steps = List.copyOf(steps);
    }

    /**
     * One step of a rollback.
     *
     * @param comment the comment of the forward change it undoes, lower-case ({@code create "users" table})
     * @param statements the statements that undo it, without trailing semicolons; empty when plumb knows no way to
     *     undo the change, which the down part then says in a comment rather than leaving it out
     * @param problem why there is no reverse, when {@code statements} is empty; else empty
     */
    public record Step(String comment, List<String> statements, String problem) {

        public Step {
            statements = List.copyOf(statements);
        }

        /** Returns whether the step undoes its change. */
        public boolean isReversible() {
            return !statements.isEmpty();
        }
    }

    /** Returns the steps that have no reverse. */
    public List<Step> irreversible() {
        return steps.stream().filter(s -> !s.isReversible()).toList();
    }
}
