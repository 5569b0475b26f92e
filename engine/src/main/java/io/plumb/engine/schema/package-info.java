/**
 * The immutable schema model: a {@link io.plumb.engine.schema.Realm} of schemas, tables, columns, keys, indexes
 * and checks, and the {@link io.plumb.engine.schema.SchemaChange changes} between two realms.
 */
@NullMarked
package io.plumb.engine.schema;

import org.jspecify.annotations.NullMarked;
