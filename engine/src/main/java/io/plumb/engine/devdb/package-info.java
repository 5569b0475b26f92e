/** Dev databases: the scratch databases that desired states are normalised on and migration directories replayed on. */
@NullMarked
package io.plumb.engine.devdb;

import org.jspecify.annotations.NullMarked;
