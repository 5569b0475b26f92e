package io.plumb.engine.diff;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A {@code DiffPolicy} is the {@code diff} block of atlas.hcl: which kinds of change the differ leaves out.
 *
 * @param skip the kinds of change to leave out
 */
public record DiffPolicy(Set<ChangeKind> skip) {

    public DiffPolicy {
        skip = skip.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skip));
    }

    /** Returns the policy that skips nothing. */
    public static DiffPolicy none() {
        return new DiffPolicy(Set.of());
    }

    /**
     * Returns the policy skipping the kinds named by the given keys ({@code drop_table}).
     *
     * @throws IllegalArgumentException for a key that names no kind
     */
    public static DiffPolicy skipping(Collection<String> keys) {
        return new DiffPolicy(Set.copyOf(keys.stream().map(ChangeKind::fromKey).toList()));
    }

    /** Returns whether changes of the kind are left out. */
    public boolean skips(ChangeKind kind) {
        return skip.contains(kind);
    }
}
