/** Benchmark programs that print figures side by side with their targets; never run as tests. */
@NullMarked
package io.plumb.bench;

import org.jspecify.annotations.NullMarked;
