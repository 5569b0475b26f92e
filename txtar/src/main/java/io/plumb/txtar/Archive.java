package io.plumb.txtar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code Archive} is a parsed txtar archive: a comment followed by files, in order. Duplicate names are kept.
 *
 * @param comment everything before the first marker line
 * @param files the files in archive order
 */
public record Archive(String comment, List<ArchiveFile> files) {
    public Archive {
        Objects.requireNonNull(comment, "comment");
        files = List.copyOf(files);
    }

    /** Returns the last file with the given name, which is the one a script sees after extraction. */
    public Optional<ArchiveFile> file(String name) {
        for (int i = files.size() - 1; i >= 0; i--) {
            if (files.get(i).name().equals(name)) {
                return Optional.of(files.get(i));
            }
        }
        return Optional.empty();
    }
}
