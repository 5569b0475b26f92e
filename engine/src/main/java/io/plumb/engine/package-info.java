/** The schema-as-code engine: loads, diffs, plans, lints and migrates database schemas. */
@NullMarked
package io.plumb.engine;

import org.jspecify.annotations.NullMarked;
