/** Internal parts of the Plumb test engine (descriptors, discovery, verdicts); no compatibility promise. */
@NullMarked
package io.plumb.junit.internal;

import org.jspecify.annotations.NullMarked;
