/**
 * Migration lint: replays a migration directory on a dev database statement by statement, attributes every schema
 * change to the statement that made it, and runs analyzers over those changes to report diagnostics with stable
 * codes ({@code DS102}, {@code MF103}, ...), in the reference tool's shapes.
 */
@NullMarked
package io.plumb.engine.lint;

import org.jspecify.annotations.NullMarked;
