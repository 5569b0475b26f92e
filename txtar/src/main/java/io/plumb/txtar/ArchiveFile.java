package io.plumb.txtar;

import java.util.Objects;

/**
 * An {@code ArchiveFile} is one file of a txtar archive: the name from its marker line and the data after it.
 *
 * @param name the file name, trimmed of white space at both ends and otherwise as written
 * @param data the file's content; it ends in a newline unless it is empty
 */
public record ArchiveFile(String name, String data) {
    public ArchiveFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }
}
