/** Parses and formats txtar archives, with the semantics of golang.org/x/tools/txtar and go-internal. */
@NullMarked
package io.plumb.txtar;

import org.jspecify.annotations.NullMarked;
