/** Internal parts of the script runner; no compatibility promise. */
@NullMarked
package io.plumb.runner.internal;

import org.jspecify.annotations.NullMarked;
