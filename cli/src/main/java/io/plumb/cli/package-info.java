/** The {@code plumb} command line: picocli commands over the runner, and the {@code plumb} script command. */
@NullMarked
package io.plumb.cli;

import org.jspecify.annotations.NullMarked;
