package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code SpecReferences} resolves the column references of a schema document against its tables, the way the
 * reference tool does: an unqualified table is looked up in the referring table's schema first, then in the realm.
 * Tables known from elsewhere (the earlier members of a {@code composite_schema}) are looked up the same way, after
 * the document's own.
 */
final class SpecReferences {

    // Tables by name, in declaration order: every foreign key looks its target up here, so a scan of all tables
    // per reference would make reading a document quadratic in its table count.
    private final Map<String, List<TableDecl>> byName = new HashMap<>();
    private final Map<String, List<TableDecl>> knownByName = new HashMap<>();

    SpecReferences(List<TableDecl> tables) {
        this(tables, List.of());
    }

    SpecReferences(List<TableDecl> tables, List<TableDecl> known) {
        for (TableDecl table : tables) {
            byName.computeIfAbsent(table.name(), n -> new ArrayList<>(1)).add(table);
        }
        for (TableDecl table : known) {
            knownByName.computeIfAbsent(table.name(), n -> new ArrayList<>(1)).add(table);
        }
    }

    /**
     * Resolves one column reference of an attribute: {@code column.x} (a column of {@code self}), {@code
     * table.T.column.x} or {@code table.S.T.column.x}.
     *
     * @param attribute the attribute, for the error position
     * @param element the reference: the attribute's value or an element of it
     * @param self the table whose block holds the attribute
     * @param owner the block holding the attribute, as error messages name it
     */
    ColumnRef column(Attribute attribute, Value element, TableDecl self, String owner) {
        if (!(element instanceof Value.Ref ref)) {
            throw new HclException(
                    attribute.pos(),
                    "attribute \"" + attribute.name() + "\" of " + owner + ": expected a column reference, found "
                            + element.kind());
        }
        List<String> path = ref.path();
        TableDecl table;
        if (path.size() == 2 && path.get(0).equals("column")) {
            table = self;
        } else if (path.size() == 4
                && path.get(0).equals("table")
                && path.get(2).equals("column")) {
            table = table(attribute, path.get(1), self.schema(), owner);
        } else if (path.size() == 5
                && path.get(0).equals("table")
                && path.get(3).equals("column")) {
            table = qualifiedTable(attribute, path.get(1), path.get(2), owner);
        } else {
            throw new HclException(
                    attribute.pos(),
                    "attribute \"" + attribute.name() + "\" of " + owner
                            + ": expected a column reference (column.NAME or table.NAME.column.NAME), found " + ref);
        }
        String column = path.get(path.size() - 1);
        if (!table.columns().contains(column)) {
            throw new HclException(
                    attribute.pos(), owner + ": column \"" + column + "\" not found in table \"" + table.name() + "\"");
        }
        return new ColumnRef(table, column);
    }

    /** Resolves a reference that must be to a column of {@code self}, and returns the column name. */
    String localColumn(Attribute attribute, Value element, TableDecl self, String owner) {
        ColumnRef ref = column(attribute, element, self, owner);
        if (ref.table() != self) {
            throw new HclException(
                    attribute.pos(),
                    "attribute \"" + attribute.name() + "\" of " + owner + ": expected a column of table \""
                            + self.name() + "\", found a column of table \""
                            + ref.table().name() + "\"");
        }
        return ref.column();
    }

    private TableDecl table(Attribute attribute, String name, String schema, String owner) {
        List<TableDecl> found = byName.getOrDefault(name, List.of());
        if (found.isEmpty()) {
            found = knownByName.getOrDefault(name, List.of());
        }
        @Nullable TableDecl local = null;
        int locals = 0;
        for (TableDecl t : found) {
            if (t.schema().equals(schema)) {
                local = t;
                locals++;
            }
        }
        if (locals == 1 && local != null) {
            return local;
        }
        if (found.isEmpty()) {
            throw new HclException(attribute.pos(), owner + ": referenced table \"" + name + "\" not found");
        }
        if (found.size() > 1) {
            throw new HclException(attribute.pos(), owner + ": multiple reference tables found for \"" + name + "\"");
        }
        return found.get(0);
    }

    private TableDecl qualifiedTable(Attribute attribute, String schema, String name, String owner) {
        for (TableDecl t : byName.getOrDefault(name, List.of())) {
            if (t.schema().equals(schema)) {
                return t;
            }
        }
        for (TableDecl t : knownByName.getOrDefault(name, List.of())) {
            if (t.schema().equals(schema)) {
                return t;
            }
        }
        throw new HclException(attribute.pos(), owner + ": referenced table \"" + schema + "." + name + "\" not found");
    }
}
