/**
 * The engine's script commands ({@code execsql}, {@code query}, {@code apply}, {@code synced}, {@code exist}, {@code cmphcl},
 * {@code cmpshow}, {@code cmpmig}, {@code clearSchema}), with the reference tool's names and semantics.
 */
@NullMarked
package io.plumb.engine.script;

import org.jspecify.annotations.NullMarked;
