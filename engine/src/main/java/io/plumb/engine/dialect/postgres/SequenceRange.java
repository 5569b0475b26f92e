package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Sequence;

/**
 * {@code SequenceRange} knows the defaults PostgreSQL gives a sequence's bounds and start: an ascending sequence
 * runs from 1 to its type's maximum and starts at its minimum, a descending one from its type's minimum to -1 and
 * starts at its maximum. The model keeps a bound only when it is not the default, and HCL writes a start only then.
 */
final class SequenceRange {

    private SequenceRange() {}

    /** Returns the default minimum of a sequence of the type ({@code smallint}, {@code integer}, {@code bigint}). */
    static long min(String type, long increment) {
        if (increment > 0) {
            return 1;
        }
        return switch (type) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    /** Returns the default maximum of a sequence of the type. */
    static long max(String type, long increment) {
        if (increment < 0) {
            return -1;
        }
        return switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** Returns the start a sequence has when none is given. */
    static long defaultStart(Sequence sequence) {
        return sequence.increment() > 0
                ? sequence.minValue().orElse(min(sequence.type(), sequence.increment()))
                : sequence.maxValue().orElse(max(sequence.type(), sequence.increment()));
    }

    /** Returns the canonical name of a sequence type as HCL or SQL may spell it ({@code int8} is {@code bigint}). */
    static String type(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')) {
            case "smallint", "int2" -> "smallint";
            case "integer", "int", "int4" -> "integer";
            case "bigint", "int8" -> "bigint";
            default -> name;
        };
    }
}
