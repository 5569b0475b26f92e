package io.plumb.engine.hcl;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Scope} binds names during evaluation ({@code each}, {@code for} variables, the splat element), chained to
 * its parent, and knows which file is being evaluated.
 */
record Scope(Map<String, Value> names, @Nullable Scope parent, HclFile file) {

    /** The name the current splat element is bound to; no identifier can spell it. */
    static final String SPLAT_ITEM = " splat";

    Scope {
        names = Map.copyOf(names);
    }

    static Scope root(HclFile file) {
        return new Scope(Map.of(), null, file);
    }

    Scope with(Map<String, Value> more) {
        return new Scope(more, this, file);
    }

    @Nullable
    Value lookup(String name) {
        for (Scope s = this; s != null; s = s.parent()) {
            Value v = s.names().get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
