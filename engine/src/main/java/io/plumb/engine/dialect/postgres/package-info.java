/** The PostgreSQL dialect: its HCL spec, inspection from the catalogs, and planning. */
@NullMarked
package io.plumb.engine.dialect.postgres;

import org.jspecify.annotations.NullMarked;
