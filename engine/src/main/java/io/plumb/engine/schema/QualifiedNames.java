package io.plumb.engine.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code QualifiedNames} moves the schema-qualified names a model keeps as text (a column of a user-defined type,
 * {@code "s"."status"}; a partition's parent, {@code "s"."logs"}) from one schema name to another when the schema is
 * renamed, as when a schema loaded on a dev database bound to {@code dev} stands for the target's {@code app}. Only
 * the quoted form a catalogue prints is recognised: {@code "from".} at the start of a name, never inside a string or
 * another identifier.
 */
final class QualifiedNames {

    private QualifiedNames() {}

    /** Returns the text with each name qualified by {@code from} qualified by {@code to} instead. */
    static String rename(String text, String from, String to) {
        String prefix = quote(from) + ".";
        if (!text.contains(prefix)) {
            return text;
        }
        Matcher matcher =
                Pattern.compile("(?<![\\w\"'])" + Pattern.quote(prefix)).matcher(text);
        return matcher.replaceAll(Matcher.quoteReplacement(quote(to) + "."));
    }

    /** Returns a column whose type names a type of the renamed schema, renamed with it. */
    static Column rename(Column column, String from, String to) {
        if (!(column.type() instanceof ColumnType.Raw raw)) {
            return column;
        }
        String renamed = rename(raw.sql(), from, to);
        return renamed.equals(raw.sql())
                ? column
                : new Column(
                        column.name(),
                        new ColumnType.Raw(renamed),
                        column.nullable(),
                        column.defaultValue(),
                        column.generated(),
                        column.autoIncrement(),
                        column.comment(),
                        column.options());
    }

    /** Returns options whose values name tables of the renamed schema (a partition's parent), renamed with it. */
    static Map<String, String> rename(Map<String, String> options, String from, String to) {
        Map<String, String> renamed = new LinkedHashMap<>();
        options.forEach((key, value) -> renamed.put(key, rename(value, from, to)));
        return renamed;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
