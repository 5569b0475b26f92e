/**
 * Plans: the ordered statements, with comments, that carry a database from one schema to another, and the down parts
 * that undo them ({@link io.plumb.engine.plan.RollbackPlanner}).
 */
@NullMarked
package io.plumb.engine.plan;

import org.jspecify.annotations.NullMarked;
