package io.plumb.engine.schema;

import java.util.Optional;

/**
 * An {@code Argument} of a function or procedure.
 *
 * @param name the argument name, or empty for an unnamed one
 * @param type the type as the database prints it
 * @param mode {@code IN} (absent), {@code OUT}, {@code INOUT} or {@code VARIADIC}
 * @param defaultValue the default expression, if any
 */
public record Argument(String name, String type, Optional<String> mode, Optional<String> defaultValue) {

    /** Returns an {@code IN} argument without a default. */
    public static Argument of(String name, String type) {
        return new Argument(name, type, Optional.empty(), Optional.empty());
    }
}
