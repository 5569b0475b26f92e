package io.plumb.engine.devdb;

import java.util.List;

/**
 * A {@code ServerSnapshot} is a database (PostgreSQL) or schema (MySQL) on a server holding a copy of another's
 * state, which no one connects to, and which clones copy again.
 */
final class ServerSnapshot implements Snapshot {

    private final String name;
    private final List<String> recipe;
    private final ServerIsolation owner;

    ServerSnapshot(String name, List<String> recipe, ServerIsolation owner) {
        this.name = name;
        this.recipe = List.copyOf(recipe);
        this.owner = owner;
    }

    /** Returns the snapshot's name on the server. */
    String name() {
        return name;
    }

    /**
     * Returns what the isolation learnt, when it made the snapshot, to copy it faster: for MySQL the statements that
     * fill a new schema with the snapshot's state; empty where a copy needs nothing of the kind.
     */
    List<String> recipe() {
        return recipe;
    }

    @Override
    public void close() {
        owner.release(this, name);
    }
}
