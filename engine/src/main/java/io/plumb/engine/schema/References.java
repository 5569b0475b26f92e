package io.plumb.engine.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code References} tell which tables and objects an object or a table uses, from what it declares ({@code
 * dependsOn}, a trigger's table, a foreign key) and from the names its SQL texts mention. Catalogues do not record
 * every dependency (a SQLite view, a function body, a MariaDB trigger), so a name that appears as an identifier in
 * the text counts as a use: ordering by a reference too many is harmless, one too few fails the plan.
 */
public final class References {

    private References() {}

    /** Returns the candidates the object uses: those it declares and those its SQL texts name. */
    public static List<ObjectRef> of(String schema, SchemaObject object, List<ObjectRef> candidates) {
        Set<ObjectRef> found = new HashSet<>(object.dependsOn());
        if (object instanceof Trigger t) {
            found.add(t.on());
        } else if (object instanceof Policy p) {
            found.add(ObjectRef.table(schema, p.table()));
        } else if (object instanceof Sequence s && s.ownedBy().isPresent()) {
            String owner = s.ownedBy().get();
            found.add(ObjectRef.table(schema, owner.substring(0, Math.max(0, owner.indexOf('.')))));
        }
        // A declared reference names a routine without its signature (depends_on = [function.f]): it covers every
        // overload of the name.
        Set<List<Object>> declared = new HashSet<>();
        found.forEach(r -> declared.add(List.of(r.kind(), r.schema(), name(r))));
        Set<String> words = identifiers(object.sqlTexts());
        ObjectRef self = ObjectRef.to(schema, object);
        List<ObjectRef> result = new ArrayList<>();
        for (ObjectRef candidate : candidates) {
            boolean isDeclared = declared.contains(List.of(candidate.kind(), candidate.schema(), name(candidate)));
            if (!candidate.equals(self) && (isDeclared || words.contains(key(name(candidate))))) {
                result.add(candidate);
            }
        }
        return result;
    }

    /** Returns the candidates a table uses: the tables its foreign keys name and the objects its SQL texts name. */
    public static List<ObjectRef> of(String schema, Table table, List<ObjectRef> candidates) {
        Set<String> words = identifiers(texts(table));
        ObjectRef self = ObjectRef.table(schema, table.name());
        List<ObjectRef> result = new ArrayList<>();
        for (ObjectRef candidate : candidates) {
            boolean key = candidate.kind() == ObjectKind.TABLE
                    && table.foreignKeys().stream()
                            .anyMatch(fk -> fk.refSchema().equals(candidate.schema())
                                    && fk.refTable().equals(candidate.identity()));
            boolean named = candidate.kind() != ObjectKind.TABLE && words.contains(key(name(candidate)));
            if (!candidate.equals(self) && (key || named)) {
                result.add(candidate);
            }
        }
        return result;
    }

    /** Returns the SQL texts of a table: column types, defaults and generation expressions, checks, index parts. */
    public static List<String> texts(Table table) {
        List<String> texts = new ArrayList<>();
        for (Column column : table.columns()) {
            texts.add(column.type().sql());
            column.defaultValue().ifPresent(d -> texts.add(d.sql()));
            column.generated().ifPresent(g -> texts.add(g.expr()));
        }
        table.checks().forEach(c -> texts.add(c.expr()));
        for (Index index : table.indexes()) {
            index.parts().stream().filter(IndexPart::isExpression).forEach(p -> texts.add(p.value()));
            index.where().ifPresent(texts::add);
        }
        return texts;
    }

    /** Returns the name a reference's object is written by in SQL: an identity without its signature. */
    static String name(ObjectRef ref) {
        String identity = ref.identity();
        int paren = identity.indexOf('(');
        if (paren >= 0) {
            identity = identity.substring(0, paren);
        }
        // A trigger's or policy's identity is table.name; only its own name is ever written.
        if (ref.kind() == ObjectKind.TRIGGER || ref.kind() == ObjectKind.POLICY) {
            identity = identity.substring(identity.indexOf('.') + 1);
        }
        return identity;
    }

    /**
     * Returns the identifiers of the texts, lower-cased unless quoted: words of letters, digits, {@code _} and
     * {@code $}, and names in double quotes, backquotes or brackets. Words inside string literals count too:
     * PostgreSQL names a default's sequence in one ({@code nextval('seq'::regclass)}).
     */
    static Set<String> identifiers(List<String> texts) {
        Set<String> words = new HashSet<>();
        for (String text : texts) {
            scan(text, words);
        }
        return words;
    }

    private static void scan(String text, Set<String> words) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = text.indexOf(close, i + 1);
                end = end < 0 ? n : end;
                words.add("=" + text.substring(i + 1, end));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n
                        && (Character.isLetterOrDigit(text.charAt(i))
                                || text.charAt(i) == '_'
                                || text.charAt(i) == '$')) {
                    i++;
                }
                String word = text.substring(start, i);
                words.add("=" + word.toLowerCase(Locale.ROOT));
                words.add("=" + word);
            } else {
                i++;
            }
        }
    }

    // Identifiers are kept with a prefix so that a quoted and an unquoted spelling share one key space.
    private static String key(String name) {
        return "=" + name;
    }
}
