package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code CallArgs} are the evaluated arguments of a function call, with accessors that convert an argument or report
 * at the call's position which argument has the wrong kind.
 *
 * @param function the function name
 * @param values the arguments, with a final {@code ...} argument already expanded
 * @param pos where the call is
 * @param dir the directory of the evaluated file, for {@code file()}
 * @param env the environment lookup, for {@code getenv()}
 */
record CallArgs(String function, List<Value> values, Pos pos, Path dir, Function<String, @Nullable String> env) {

    CallArgs {
        values = List.copyOf(values);
    }

    int size() {
        return values.size();
    }

    Value get(int i) {
        return values.get(i);
    }

    HclException error(String detail) {
        return new HclException(pos, "function \"" + function + "\": " + detail);
    }

    private String what(int i) {
        return "function \"" + function + "\" argument " + (i + 1);
    }

    String str(int i) {
        Value v = values.get(i);
        if (v instanceof Value.Null) {
            throw new HclException(pos, what(i) + ": expected a string, found null");
        }
        return Conversions.toStr(v, pos, what(i));
    }

    BigDecimal num(int i) {
        return Conversions.toNumber(values.get(i), pos, what(i));
    }

    int integer(int i) {
        return Conversions.toInt(values.get(i), pos, what(i));
    }

    boolean bool(int i) {
        return Conversions.toBool(values.get(i), pos, what(i));
    }

    List<Value> list(int i) {
        if (values.get(i) instanceof Value.ListValue l) {
            return l.elements();
        }
        throw new HclException(
                pos, what(i) + ": expected a list, found " + values.get(i).kind());
    }

    Map<String, Value> object(int i) {
        if (values.get(i) instanceof Value.ObjectValue o) {
            return o.fields();
        }
        throw new HclException(
                pos,
                what(i) + ": expected an object or map, found " + values.get(i).kind());
    }
}
