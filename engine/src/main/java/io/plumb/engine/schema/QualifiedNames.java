package io.plumb.engine.schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code QualifiedNames} moves the schema-qualified names a model keeps as text (a column of a user-defined type,
 * {@code "s"."status"}; a partition's parent, {@code "s"."logs"}) from one schema name to another when the schema is
 * renamed, as when a schema loaded on a dev database bound to {@code dev} stands for the target's {@code app}. Only
 * the names the schema itself defines move: a type it only uses, from a schema that happens to bear the old name,
 * stays where it is. Only the quoted form a catalogue prints is recognised: {@code "from"."name"}, never inside a
 * string or another identifier.
 */
final class QualifiedNames {

    private final String from;
    private final String to;
    private final Set<String> defined;

    /**
     * Returns the renaming of a schema's own names.
     *
     * @param defined the names the schema defines: its tables, objects and enums
     */
    QualifiedNames(String from, String to, Set<String> defined) {
        this.from = from;
        this.to = to;
        this.defined = Set.copyOf(defined);
    }

    /** Returns the renaming of the names a schema defines, from its name to a new one. */
    static QualifiedNames of(Schema schema, String to) {
        Set<String> defined = new HashSet<>();
        schema.tables().forEach(t -> defined.add(t.name()));
        schema.objects().forEach(o -> defined.add(o.name()));
        schema.options().keySet().stream()
                .filter(key -> key.startsWith(Schema.ENUM_OPTION))
                .forEach(key -> defined.add(key.substring(Schema.ENUM_OPTION.length())));
        return new QualifiedNames(schema.name(), to, defined);
    }

    /** Returns the text with each name the schema defines qualified by the new schema name instead of the old. */
    String rename(String text) {
        String prefix = quote(from) + ".";
        if (!text.contains(prefix)) {
            return text;
        }
        Matcher matcher = Pattern.compile("(?<![\\w\"'])" + Pattern.quote(prefix) + "\"((?:[^\"]|\"\")*)\"")
                .matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).replace("\"\"", "\"");
            String replacement = defined.contains(name) ? quote(to) + "." + quote(name) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Returns a column whose type is one the schema defines, renamed with it. */
    Column rename(Column column) {
        if (!(column.type() instanceof ColumnType.Raw raw)) {
            return column;
        }
        String renamed = rename(raw.sql());
        return renamed.equals(raw.sql()) ? column : column.withType(new ColumnType.Raw(renamed));
    }

    /** Returns options whose values name tables of the schema (a partition's parent), renamed with it. */
    Map<String, String> rename(Map<String, String> options) {
        Map<String, String> renamed = new LinkedHashMap<>();
        options.forEach((key, value) -> renamed.put(key, rename(value)));
        return renamed;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
