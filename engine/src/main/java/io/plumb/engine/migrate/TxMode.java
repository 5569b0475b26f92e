package io.plumb.engine.migrate;

import java.util.Locale;

/** A {@code TxMode} is how {@code migrate apply} wraps files in transactions ({@code --tx-mode}). */
public enum TxMode {
    /** One transaction per file, its revision writes included; a failed file leaves no trace. */
    FILE,
    /** One transaction for every pending file. */
    ALL,
    /** No transaction: a failed file stays partly applied and resumes where it stopped. */
    NONE;

    /**
     * Returns the mode a flag or directive names: {@code file}, {@code all}, {@code none}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static TxMode parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "file" -> FILE;
            case "all" -> ALL;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException(
                    "unknown tx-mode \"" + name + "\": expected file, all or none");
        };
    }

    /** Returns the mode's name as flags spell it. */
    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
