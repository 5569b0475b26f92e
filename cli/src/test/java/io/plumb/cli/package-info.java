/** Tests of the {@code plumb} command line, run in process. */
@NullMarked
package io.plumb.cli;

import org.jspecify.annotations.NullMarked;
