package io.plumb.engine.migrate;

import java.util.List;
import java.util.Optional;

/**
 * {@code FileDirectives} are the {@code -- atlas:NAME [args]} comment lines at the top of a migration file,
 * separated from its body by a blank line (reference 4.7).
 *
 * @param delimiter the custom statement delimiter of {@code -- atlas:delimiter} (first line), escapes resolved
 * @param txMode {@code none} or {@code file} from {@code -- atlas:txmode}
 * @param noLint the codes or analyzers of {@code -- atlas:nolint} (empty list: all), or empty when absent
 * @param checkpoint the tag of {@code -- atlas:checkpoint [tag]} (empty string for no tag), or empty when absent
 * @param txtar whether the file is a txtar archive of pre-migration checks ({@code -- atlas:txtar})
 * @param sumIgnore whether the first line opts out of {@code atlas.sum} ({@code atlas:sum ignore})
 */
public record FileDirectives(
        Optional<String> delimiter,
        Optional<String> txMode,
        Optional<List<String>> noLint,
        Optional<String> checkpoint,
        boolean txtar,
        boolean sumIgnore) {

    /** Returns the directives of a file's text. */
    public static FileDirectives parse(String text) {
        // Placeholder until the directive parser lands: only the markers the executor needs first.
        boolean txtar = text.startsWith("-- atlas:txtar");
        Optional<String> txMode = text.contains("-- atlas:txmode none") ? Optional.of("none") : Optional.empty();
        return new FileDirectives(Optional.empty(), txMode, Optional.empty(), Optional.empty(), txtar, false);
    }
}
