/** Tests of the txtar parser, formatter, quoting and writer, checked against the go-internal reference. */
@NullMarked
package io.plumb.txtar;

import org.jspecify.annotations.NullMarked;
