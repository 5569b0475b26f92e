/** The drift-detection agent, which inspects databases on a schedule and reports schema drift. */
@NullMarked
package io.plumb.agent;

import org.jspecify.annotations.NullMarked;
