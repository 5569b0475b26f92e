package io.plumb.engine.devdb;

import java.nio.file.Path;

/** {@code SqliteIsolation} isolates SQLite databases as files in a private temporary directory. */
final class SqliteIsolation {

    private SqliteIsolation() {}

    static Isolation open(String devUrl, Path workingDirectory) {
        throw new UnsupportedOperationException("being written: " + devUrl + " " + workingDirectory);
    }
}
