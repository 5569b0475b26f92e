package io.plumb.engine.spec;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.schema.Realm;

/** A {@code SchemaSpec} is a dialect's HCL schema language: it reads schema documents and writes realms. */
public interface SchemaSpec {

    /**
     * Reads the {@code schema} and {@code table} blocks of an evaluated document into a realm.
     *
     * @throws io.plumb.engine.hcl.HclException with the position of the offending attribute or block, for an
     *     unknown type, a dangling reference, a missing attribute or a value of the wrong kind
     */
    Realm read(Document document);

    /**
     * Reads a document as {@link #read(Document)} does, resolving the references to tables it does not declare
     * against {@code known} too: the tables of the earlier members of a {@code composite_schema}, which a foreign key
     * may reference ({@code table.users.column.id}, {@code table.a.users.column.id}). A table of the document is
     * found first; the document's realm is returned alone, without the known tables.
     */
    default Realm read(Document document, Realm known) {
        return read(document);
    }

    /** Writes the realm as HCL, byte for byte as the reference tool's {@code schema inspect} prints it. */
    String write(Realm realm);
}
