/**
 * The service interface through which the engine finds the providers of {@code embedded://} and {@code docker://}
 * servers ({@link io.plumb.provider.ServerProvider}), and what the embedded providers share: the JVM's directory
 * and watchdog for their servers, and the lookup of their binaries in Maven repositories.
 */
@NullMarked
package io.plumb.provider;

import org.jspecify.annotations.NullMarked;
