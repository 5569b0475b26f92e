package io.plumb.engine.migrate;

/**
 * An {@code ExecOrder} is what {@code migrate apply} does with a file added before the last applied one
 * ({@code --exec-order}).
 */
public enum ExecOrder {
    /** Refuse: the history must be linear. */
    LINEAR,
    /** Skip such files. */
    LINEAR_SKIP,
    /** Execute such files first. */
    NON_LINEAR;

    /**
     * Returns the order a flag names: {@code linear}, {@code linear-skip}, {@code non-linear}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ExecOrder parse(String name) {
        return switch (name) {
            case "linear" -> LINEAR;
            case "linear-skip" -> LINEAR_SKIP;
            case "non-linear" -> NON_LINEAR;
            default -> throw new IllegalArgumentException(
                    "unknown execution order \"" + name + "\": expected linear, linear-skip or non-linear");
        };
    }
}
