/** The embedded PostgreSQL provider: {@code embedded://postgres/VERSION} URLs on zonky's binaries. */
@NullMarked
package io.plumb.provider.postgres;

import org.jspecify.annotations.NullMarked;
