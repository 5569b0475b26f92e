package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import java.util.List;
import java.util.Optional;

/**
 * A {@code SerialChange} plans a column type change from or to a serial type, which PostgreSQL has no {@code ALTER}
 * for: {@code serial} is an integer column whose default draws from a sequence the column owns, named {@code
 * table_column_seq}. Adding one creates that sequence (of the column's integer type, so that it inspects as a serial's)
 * before the {@code ALTER TABLE} and sets the default; removing one drops the default and then the sequence; changing
 * one serial type to another changes the column's type and the sequence's with it.
 */
final class SerialChange {

    private final PostgresDdl ddl;
    private final String schema;
    private final String table;
    private final Column from;
    private final Column to;

    SerialChange(PostgresDdl ddl, String schema, String table, Column from, Column to) {
        this.ddl = ddl;
        this.schema = schema;
        this.table = table;
        this.from = from;
        this.to = to;
    }

    /** Returns whether a type change between the two columns is one this class plans. */
    static boolean applies(Column from, Column to) {
        return integerType(from).isPresent() || integerType(to).isPresent();
    }

    /**
     * Adds the statements before the {@code ALTER TABLE}, its clauses for the column, and the statements after it.
     *
     * @param setsDefault whether the column's other clauses set a default of their own, which replaces the
     *     sequence's
     */
    void plan(List<PlannedChange> before, List<String> clauses, List<PlannedChange> after, boolean setsDefault) {
        String column = "ALTER COLUMN " + quote(to.name());
        Optional<String> fromSerial = integerType(from);
        Optional<String> toSerial = integerType(to);
        if (fromSerial.isPresent() && toSerial.isEmpty()) {
            if (!setsDefault) {
                clauses.add(column + " DROP DEFAULT");
            }
            if (!fromSerial.get().equals(to.type().sql())) {
                clauses.add(column + " TYPE " + to.type().sql());
            }
            // The default no longer draws from the sequence once the ALTER TABLE ran, so it can go.
            after.add(PostgresPlanner.change(
                    "drop sequence used by serial column \"" + from.name() + "\"",
                    "DROP SEQUENCE IF EXISTS " + sequence()));
        } else if (fromSerial.isEmpty() && toSerial.isPresent()) {
            before.add(PostgresPlanner.change(
                    "create sequence for serial column \"" + to.name() + "\"",
                    "CREATE SEQUENCE IF NOT EXISTS " + sequence() + " AS " + toSerial.get() + " OWNED BY "
                            + ddl.table(schema, table) + "." + quote(to.name())));
            clauses.add(column + " SET DEFAULT nextval(" + PostgresDdl.literal(sequence()) + ")");
            if (!toSerial.get().equals(from.type().sql())) {
                clauses.add(column + " TYPE " + toSerial.get());
            }
        } else if (fromSerial.isPresent() && toSerial.isPresent()) {
            clauses.add(column + " TYPE " + toSerial.get());
            // A sequence keeps its type when its column's changes; a serial's has its column's.
            after.add(PostgresPlanner.change(
                    "change the type of the sequence of serial column \"" + to.name() + "\"",
                    "ALTER SEQUENCE " + sequence() + " AS " + toSerial.get()));
        }
    }

    /** The name PostgreSQL gives a serial column's sequence, qualified as the plan's tables are. */
    private String sequence() {
        return ddl.index(schema, table + "_" + to.name() + "_seq");
    }

    /** Returns the integer type of a serial column, or empty for any other column. */
    static Optional<String> integerType(Column column) {
        return switch (column.type().sql()) {
            case "smallserial", "serial2" -> Optional.of("smallint");
            case "serial", "serial4" -> Optional.of("integer");
            case "bigserial", "serial8" -> Optional.of("bigint");
            default -> Optional.empty();
        };
    }
}
