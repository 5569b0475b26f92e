package io.plumb.engine.devdb;

import java.util.List;

/**
 * A {@code ServerSnapshot} is a database (PostgreSQL) or schema (MySQL) on a server holding a copy of another's
 * state, which no one connects to, and which clones copy again.
 */
final class ServerSnapshot implements Snapshot {

    private final String name;
    private final List<String> tableDefinitions;
    private final ServerIsolation owner;

    ServerSnapshot(String name, List<String> tableDefinitions, ServerIsolation owner) {
        this.name = name;
        this.tableDefinitions = List.copyOf(tableDefinitions);
        this.owner = owner;
    }

    /** Returns the snapshot's name on the server. */
    String name() {
        return name;
    }

    /** Returns what the isolation remembered of the snapshot's tables to copy them faster; may be empty. */
    List<String> tableDefinitions() {
        return tableDefinitions;
    }

    @Override
    public void close() {
        owner.release(this, name);
    }
}
