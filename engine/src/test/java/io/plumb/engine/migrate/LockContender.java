package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process of its own for {@link MigrationLockTest}: takes a SQLite database's migration lock ROUNDS times and,
 * while it holds it, owns a marker file that no other holder may find in place. Exits 3 when it does find it.
 */
public final class LockContender {

    private LockContender() {}

    /** Arguments: the database file, the number of rounds, the marker file. */
    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[0]).toAbsolutePath();
        int rounds = Integer.parseInt(args[1]);
        Path marker = Path.of(args[2]);
        try (Database db = Database.open("sqlite://" + database, Path.of("."))) {
            for (int i = 0; i < rounds; i++) {
                try (MigrationLock held = MigrationLock.acquire(db, MigrationLock.APPLY, Duration.ofSeconds(60))) {
                    try {
                        Files.createFile(marker);
                    } catch (FileAlreadyExistsException e) {
                        System.out.println("overlap in round " + i);
                        System.exit(3);
                    }
                    Files.delete(marker);
                }
            }
        }
        System.out.println("done");
    }
}
