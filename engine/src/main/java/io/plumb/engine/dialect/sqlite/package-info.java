/** The SQLite dialect: inspecting {@code sqlite_master} and the pragmas, and planning DDL for SQLite. */
@NullMarked
package io.plumb.engine.dialect.sqlite;

import org.jspecify.annotations.NullMarked;
