/**
 * Drift detection: whether a database still holds the schema its applied migrations (or a desired schema) say it
 * should, as {@code plumb migrate drift}, {@code plumb schema drift} and the agent check it.
 */
@NullMarked
package io.plumb.engine.drift;

import org.jspecify.annotations.NullMarked;
