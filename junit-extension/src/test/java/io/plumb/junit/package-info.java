/** Tests of the Plumb test engine and Jupiter helpers, run against the real script runner. */
@NullMarked
package io.plumb.junit;

import org.jspecify.annotations.NullMarked;
