/** Loading a desired state: HCL and SQL files and directories, and live databases, into a realm. */
@NullMarked
package io.plumb.engine.source;

import org.jspecify.annotations.NullMarked;
