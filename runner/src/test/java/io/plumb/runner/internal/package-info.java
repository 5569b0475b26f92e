/** Tests of the runner's internal parts. */
@NullMarked
package io.plumb.runner.internal;

import org.jspecify.annotations.NullMarked;
