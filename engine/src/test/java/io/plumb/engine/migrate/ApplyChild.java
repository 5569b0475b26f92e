package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process {@link InterruptedApplyTest} kills: it applies a directory and, when it reaches statement number
 * {@code STOP} (1-based, counted over the run), says so on standard output and waits to be killed before that
 * statement runs.
 *
 * <p>Arguments: {@code ROOT TXMODE STOP [URL]}; without a URL it applies to the SQLite file the fixture uses.
 */
public final class ApplyChild {

    private ApplyChild() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        TxMode mode = TxMode.parse(args[1]);
        int stop = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        MigrationDir dir = MigrationDir.open("migrations", root);
        String url = args.length > 3 ? args[3] : MigrationFixture.sqliteUrl(root);
        try (Database db = Database.open(url, root)) {
            ApplyListener listener = new ApplyListener() {
                private int seen;

                @Override
                public void statement(String sql) {
                    if (++seen == stop) {
                        out.println("stopping before " + sql);
                        sleepForever();
                    }
                }
            };
            new Migrator(db, dir, MigrationFixture.withTxMode(mode)).apply(listener);
        }
        out.println("finished");
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
