/** The Plumb JUnit integration: the {@code plumb} test engine and Jupiter helpers that run txtar scripts as tests. */
@NullMarked
package io.plumb.junit;

import org.jspecify.annotations.NullMarked;
