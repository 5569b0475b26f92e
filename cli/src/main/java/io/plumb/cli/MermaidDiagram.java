package io.plumb.cli;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code MermaidDiagram} writes a schema as a Mermaid entity-relationship diagram, as the reference's {@code schema
 * inspect --format '{{ mermaid . }}'} does: a block per table with its columns' types and names (spaces made
 * underscores, {@code PK} and {@code FK} marks), and a line per foreign key whose ends are {@code |} where the
 * columns are the table's primary key or a unique index, else many. Tables are qualified with their schema when
 * there are several schemas.
 */
final class MermaidDiagram {

    private MermaidDiagram() {}

    static String of(Realm realm) {
        boolean qualify = realm.schemas().size() > 1;
        StringBuilder text = new StringBuilder("erDiagram");
        for (Schema schema : realm.schemas()) {
            for (Table table : schema.tables()) {
                String ident = ident(qualify, schema.name(), table.name());
                text.append("\n    ")
                        .append(qualify ? ident + "[\"" + schema.name() + "." + table.name() + "\"]" : ident)
                        .append(" {");
                for (Column column : table.columns()) {
                    text.append("\n      ")
                            .append(nospace(column.type().sql()))
                            .append(' ')
                            .append(nospace(column.name()));
                    String marks = marks(table, column);
                    if (!marks.isEmpty()) {
                        text.append(' ').append(marks);
                    }
                }
                text.append("\n    }");
                for (ForeignKey key : table.foreignKeys()) {
                    String refSchema = key.refSchema().isEmpty() ? schema.name() : key.refSchema();
                    Optional<Table> ref = realm.schema(refSchema).flatMap(s -> s.table(key.refTable()));
                    String from = unique(table, key.columns()) ? "|" : "}";
                    String to = ref.map(t -> unique(t, key.refColumns()) ? "|" : "{")
                            .orElse("{");
                    text.append("\n    ")
                            .append(ident)
                            .append(' ')
                            .append(from)
                            .append("o--o")
                            .append(to)
                            .append(' ')
                            .append(ident(qualify, refSchema, key.refTable()))
                            .append(" : ")
                            .append(key.name());
                }
            }
        }
        return text.append('\n').toString();
    }

    private static String ident(boolean qualify, String schema, String table) {
        return qualify ? schema + "_" + table : table;
    }

    private static String nospace(String text) {
        return text.replace(' ', '_');
    }

    private static String marks(Table table, Column column) {
        List<String> marks = new ArrayList<>();
        boolean inKey = table.primaryKey()
                .map(pk -> pk.parts().stream()
                        .anyMatch(p -> !p.isExpression() && p.value().equals(column.name())))
                .orElse(false);
        if (inKey) {
            marks.add("PK");
        }
        if (table.foreignKeys().stream().anyMatch(k -> k.columns().contains(column.name()))) {
            marks.add("FK");
        }
        return String.join(",", marks);
    }

    /** Returns whether the columns are exactly the table's primary key or one of its unique indexes, in order. */
    private static boolean unique(Table table, List<String> columns) {
        if (table.primaryKey().map(pk -> names(pk.parts()).equals(columns)).orElse(false)) {
            return true;
        }
        for (Index index : table.indexes()) {
            if (index.unique() && names(index.parts()).equals(columns)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(List<IndexPart> parts) {
        List<String> names = new ArrayList<>();
        for (IndexPart part : parts) {
            names.add(part.isExpression() ? "" : part.value());
        }
        return names;
    }
}
