/** Plans: the ordered statements, with comments and reverses, that carry a database from one schema to another. */
@NullMarked
package io.plumb.engine.plan;

import org.jspecify.annotations.NullMarked;
