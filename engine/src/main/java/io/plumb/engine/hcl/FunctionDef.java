package io.plumb.engine.hcl;

/**
 * A {@code FunctionDef} is a built-in HCL function: how many arguments it takes and what it computes.
 *
 * @param minArgs the fewest arguments
 * @param maxArgs the most arguments, or -1 for any number
 * @param body the computation, called with a checked argument count
 */
record FunctionDef(int minArgs, int maxArgs, Body body) {

    /** The computation of a built-in function. */
    @FunctionalInterface
    interface Body {
        Value apply(CallArgs args);
    }

    static FunctionDef of(int args, Body body) {
        return new FunctionDef(args, args, body);
    }

    static FunctionDef range(int min, int max, Body body) {
        return new FunctionDef(min, max, body);
    }

    static FunctionDef variadic(int min, Body body) {
        return new FunctionDef(min, -1, body);
    }

    Value call(CallArgs args) {
        int n = args.size();
        if (n < minArgs || (maxArgs >= 0 && n > maxArgs)) {
            String expected;
            if (minArgs == maxArgs) {
                expected = minArgs + (minArgs == 1 ? " argument" : " arguments");
            } else if (maxArgs < 0) {
                expected = "at least " + minArgs + (minArgs == 1 ? " argument" : " arguments");
            } else {
                expected = minArgs + " to " + maxArgs + " arguments";
            }
            throw new HclException(
                    args.pos(), "function \"" + args.function() + "\" expects " + expected + ", found " + n);
        }
        return body.apply(args);
    }
}
