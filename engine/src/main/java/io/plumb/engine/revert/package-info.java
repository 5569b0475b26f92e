/**
 * Reverting applied migration files ({@code plumb migrate down}): the revert is planned from the database's current
 * state towards the state the directory gives at the target version, guarded by data-loss checks.
 */
@NullMarked
package io.plumb.engine.revert;

import org.jspecify.annotations.NullMarked;
