/** The differ: compares two realms and lists the changes that turn one into the other. */
@NullMarked
package io.plumb.engine.diff;

import org.jspecify.annotations.NullMarked;
