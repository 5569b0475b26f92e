/** The {@link io.plumb.engine.dialect.Dialect} SPI: what the engine needs from each database. */
@NullMarked
package io.plumb.engine.dialect;

import org.jspecify.annotations.NullMarked;
