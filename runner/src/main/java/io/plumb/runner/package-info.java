/** The testscript interpreter: runs txtar scripts and lets other modules add commands and conditions. */
@NullMarked
package io.plumb.runner;

import org.jspecify.annotations.NullMarked;
