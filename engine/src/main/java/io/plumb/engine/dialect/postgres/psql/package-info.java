/**
 * What psql's {@code \d} prints for a relation, rendered from the PostgreSQL catalogue: the reference tool's
 * {@code cmpshow} compares it with expected files, and no psql binary is needed.
 */
@NullMarked
package io.plumb.engine.dialect.postgres.psql;

import org.jspecify.annotations.NullMarked;
