package io.plumb.engine.source;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code HclBlocks} finds the HCL block that declares the object of a planned change, from the names its comment
 * quotes: {@code create "t" table} is the block labelled {@code t}; {@code create index "i" to table: "t"} the block
 * labelled {@code i} inside the block labelled {@code t}. Among blocks of one level with the name, one of the kind
 * the comment names comes first ({@code index "loan_id"} before {@code column "loan_id"}). A name no block carries
 * gives no position.
 */
final class HclBlocks {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private HclBlocks() {}

    /** Returns the failure with the declaring block's position in front, or as it is when no block is found. */
    static DevLoadException locate(Document document, DevLoadException failure) {
        return block(document, failure.change().comment())
                .map(block -> failure.at(block.pos().toString()))
                .orElse(failure);
    }

    static Optional<Resource> block(Document document, String comment) {
        List<String> names = new ArrayList<>();
        // The text around the names: before the first, between the first and the second, after the last.
        List<String> gaps = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(comment);
        int end = 0;
        while (quoted.find()) {
            names.add(quoted.group(1));
            gaps.add(comment.substring(end, quoted.start()));
            end = quoted.end();
        }
        gaps.add(comment.substring(end));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String name = names.get(0);
        // "create index "i" to table: "t"" names the kind before the name; "create "t" table" after it.
        Set<String> kinds = kindNamed(gaps.get(0), true);
        if (kinds.isEmpty() && names.size() == 1) {
            kinds = kindNamed(gaps.get(1), false);
        }
        List<Resource> parents = names.size() > 1
                ? labelled(document.resources(), names.get(1), kindNamed(gaps.get(1), true))
                : List.of();
        for (Resource parent : parents) {
            Optional<Resource> nested =
                    labelled(parent.children(), name, kinds).stream().findFirst();
            if (nested.isPresent()) {
                return nested;
            }
        }
        return labelled(document.resources(), name, kinds).stream().findFirst();
    }

    // The block types a word of a change's comment names; none for a verb or any other word.
    private static Set<String> kinds(String word) {
        return switch (word) {
            case "index" -> Set.of("index", "unique", "exclude");
            case "table" -> Set.of("table");
            case "view" -> Set.of("view", "materialized");
            case "column",
                    "function",
                    "procedure",
                    "aggregate",
                    "trigger",
                    "domain",
                    "sequence",
                    "extension",
                    "policy",
                    "schema" -> Set.of(word);
            case "enum" -> Set.of("enum");
            case "composite" -> Set.of("composite");
            default -> Set.of();
        };
    }

    // The kinds the first word of the text that names one names, reading from its end or from its start.
    private static Set<String> kindNamed(String text, boolean fromEnd) {
        List<String> words =
                new ArrayList<>(List.of(text.trim().toLowerCase(Locale.ROOT).split("[\\s:]+")));
        if (fromEnd) {
            Collections.reverse(words);
        }
        return words.stream()
                .map(HclBlocks::kinds)
                .filter(k -> !k.isEmpty())
                .findFirst()
                .orElse(Set.of());
    }

    // The blocks of this level whose last label is the name, in document order, those of the kinds first.
    private static List<Resource> labelled(List<Resource> blocks, String name, Set<String> kinds) {
        List<Resource> found = new ArrayList<>();
        List<Resource> others = new ArrayList<>();
        for (Resource block : blocks) {
            if (!block.labels().isEmpty()
                    && block.labels().get(block.labels().size() - 1).equals(name)) {
                (kinds.contains(block.type()) ? found : others).add(block);
            }
        }
        found.addAll(others);
        return found;
    }
}
