/** Project files ({@code atlas.hcl}, {@code plumb.hcl}): environments, variables and diff policies. */
@NullMarked
package io.plumb.engine.project;

import org.jspecify.annotations.NullMarked;
