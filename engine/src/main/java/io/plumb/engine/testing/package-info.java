/** Schema tests and migration tests: {@code *.test.hcl} files, their cases, and running them on dev databases. */
@NullMarked
package io.plumb.engine.testing;

import org.jspecify.annotations.NullMarked;
