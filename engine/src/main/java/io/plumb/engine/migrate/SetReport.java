package io.plumb.engine.migrate;

import java.util.List;
import java.util.Optional;

/**
 * A {@code SetReport} is what {@code migrate set} changed in the revisions table.
 *
 * @param current the version the database is now at, or empty when every revision was deleted
 * @param set the revisions inserted or marked as set by hand
 * @param removed the revisions deleted
 */
public record SetReport(Optional<String> current, List<Revision> set, List<Revision> removed) {

    public SetReport {
        set = List.copyOf(set);
        removed = List.copyOf(removed);
    }
}
