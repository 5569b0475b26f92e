package io.plumb.engine.drift;

/**
 * A {@code DivergedObject} is one object in which a database differs from its expected state.
 *
 * @param kind what the object is, in lower case: {@code schema}, {@code table}, {@code column}, {@code index},
 *     {@code primary_key}, {@code foreign_key}, {@code check}, {@code view}, {@code materialized_view}, {@code
 *     function}, {@code procedure}, {@code trigger}, {@code sequence}, ..., or a kind the model does not hold
 *     ({@code rule}), counted rather than named
 * @param qualifiedName the object's name with what holds it: {@code public.users}, {@code public.users.email},
 *     {@code public.orders.audit} (a trigger on {@code orders}); for an unmodelled kind, its counts
 * @param change how the database differs
 * @param detail what differs inside a modified object ({@code type, null} for a column), or empty
 */
public record DivergedObject(String kind, String qualifiedName, Change change, String detail) {

    /** How an object of the database differs from the expected state. */
    public enum Change {
        /** The database has the object; the expected state does not. */
        ADDED,
        /** The expected state has the object; the database does not. */
        DROPPED,
        /** Both have the object, with different definitions. */
        MODIFIED;

        /** Returns the change as text and JSON spell it: {@code added}, {@code dropped}, {@code modified}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Returns the object as one line of text: {@code column public.users.email modified (type, null)}. */
    public String describe() {
        return kind + " " + qualifiedName + " " + change.label() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
