package io.plumb.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ListValues} splits the values of list-valued flags as the reference tool does: each value is a line of
 * CSV, so {@code --exclude a,b} gives two patterns and {@code --exclude '"a,b"'} gives one.
 */
final class ListValues {

    private ListValues() {}

    /** Returns every field of every value, in order. */
    static List<String> split(List<String> values) {
        List<String> fields = new ArrayList<>();
        for (String value : values) {
            fields.addAll(splitOne(value));
        }
        return fields;
    }

    /**
     * Returns the CSV fields of one value.
     *
     * @throws IllegalArgumentException for an unterminated quote
     */
    static List<String> splitOne(String value) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in \"" + value + "\"");
        }
        if (!field.isEmpty() || wasQuoted || !fields.isEmpty()) {
            fields.add(field.toString());
        }
        return fields;
    }
}
