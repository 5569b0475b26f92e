package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import java.util.List;
import java.util.Optional;

/**
 * A {@code KeySignature} is what PostgreSQL compares when {@code CREATE TABLE} merges the indexes of its primary key
 * and UNIQUE constraints: the key parts, the covering columns, and whether NULLs are distinct. Two keys of one
 * {@code CREATE TABLE} with equal signatures get one index, and the second constraint is never created.
 *
 * @param parts the key parts
 * @param include the covering ({@code INCLUDE}) columns, if any
 * @param nullsNotDistinct whether NULLs are equal to the key (PostgreSQL 15)
 */
record KeySignature(List<IndexPart> parts, Optional<String> include, boolean nullsNotDistinct) {

    static KeySignature of(PrimaryKey key) {
        return new KeySignature(
                key.parts(), Optional.ofNullable(key.options().get(PostgresSpecDialect.INCLUDE)), false);
    }

    static KeySignature of(Index index) {
        return new KeySignature(
                index.parts(),
                Optional.ofNullable(index.options().get(PostgresSpecDialect.INCLUDE)),
                PostgresDdl.nullsNotDistinct(index));
    }
}
