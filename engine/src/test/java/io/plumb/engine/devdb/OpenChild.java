package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import java.nio.file.Path;

/** The child JVM of {@link ServerProvidersTest}: opens each URL and prints why it could not. */
final class OpenChild {

    private OpenChild() {}

    public static void main(String[] args) {
        for (String url : args) {
            try (Database db = Database.open(url, Path.of(""))) {
                System.out.println("opened " + db.url());
            } catch (DatabaseException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
