package io.plumb.engine.migrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a changelog file's changesets and changes are, for messages: the N-th changeset marker of the
 * file's text ({@code <changeSet}, {@code - changeSet:}, {@code "changeSet":}, {@code --changeset}) is its N-th
 * changeset, and a change is the first of its name after the changeset's marker that is not taken yet.
 */
final class ChangesetPositions {

    private static final Pattern MARKER = Pattern.compile(
            "<changeSet\\b|-\\s*changeSet\\s*:|\"changeSet\"\\s*:|^--\\s*changeset\\s",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final String text;
    private final List<Integer> starts = new ArrayList<>();
    private final Map<String, Integer> taken = new HashMap<>();

    ChangesetPositions(String text) {
        this.text = text;
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            starts.add(m.start());
        }
    }

    int[] changeset(int index) {
        return index < starts.size() ? position(starts.get(index)) : new int[] {1, 1};
    }

    int[] change(int changeset, String name) {
        if (changeset >= starts.size()) {
            return new int[] {1, 1};
        }
        int from = starts.get(changeset);
        int to = changeset + 1 < starts.size() ? starts.get(changeset + 1) : text.length();
        String key = changeset + ":" + name;
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + "\\b|\\b" + Pattern.quote(name) + "\"?\\s*:")
                .matcher(text)
                .region(taken.getOrDefault(key, from), to);
        if (!m.find()) {
            return position(from);
        }
        taken.put(key, m.end());
        int start = m.start() > 0 && text.charAt(m.start() - 1) == '"' ? m.start() - 1 : m.start();
        return position(start);
    }

    private int[] position(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }
}
