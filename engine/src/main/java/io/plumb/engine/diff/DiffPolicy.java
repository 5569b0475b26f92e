package io.plumb.engine.diff;

import io.plumb.engine.plan.ConcurrentIndex;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A {@code DiffPolicy} is the {@code diff} block of atlas.hcl: which kinds of change the differ leaves out, and
 * how planners write index changes of existing tables ({@code concurrent_index}).
 *
 * @param skip the kinds of change to leave out
 * @param concurrentIndex whether index changes of existing tables are planned {@code CONCURRENTLY}
 */
public record DiffPolicy(Set<ChangeKind> skip, ConcurrentIndex concurrentIndex) {

    public DiffPolicy {
        skip = skip.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skip));
    }

    /** Creates a policy that skips the given kinds and plans indexes in the plan's transaction. */
    public DiffPolicy(Set<ChangeKind> skip) {
        this(skip, ConcurrentIndex.none());
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

    /**
     * Returns the policy for the diff back from the desired state to the current one, which undoes a migration
     * planned under this policy: an add is skipped where a drop was ({@code drop_table} skips {@code add_table}), and
     * the other way round, so the undo leaves alone what the migration left alone.
     */
    public DiffPolicy reversed() {
        Set<ChangeKind> reversed = EnumSet.noneOf(ChangeKind.class);
        for (ChangeKind kind : skip) {
            reversed.add(kind.reversed());
        }
        return new DiffPolicy(reversed, concurrentIndex);
    }

    /** Returns whether changes of the kind are left out. */
    public boolean skips(ChangeKind kind) {
        return skip.contains(kind);
    }
}
