package io.plumb.agent;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Test fixtures: migration directories, applied migrations, configurations, agents. */
final class Fixture {

    private Fixture() {}

    /** Writes a directory of two files, with its atlas.sum. */
    static Path migrations(Path root, String... files) throws IOException {
        Path dir = root.resolve("migrations");
        Files.createDirectories(dir);
        for (int i = 0; i < files.length; i++) {
            Files.writeString(dir.resolve("2026010" + (i + 1) + "000000_step" + (i + 1) + ".sql"), files[i]);
        }
        MigrationDir.open("file://" + dir, root).rehash();
        return dir;
    }

    static void apply(String url, Path dir, int amount) {
        try (Database db = Database.open(url, dir)) {
            new Migrator(
                            db,
                            MigrationDir.open("file://" + dir, dir),
                            ApplyOptions.defaults("test").withAmount(amount))
                    .apply(new ApplyListener() {});
        }
    }

    static void execute(String url, Path dir, String sql) {
        try (Database db = Database.open(url, dir);
                Statement s = db.connection().createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static AgentConfig config(Path root, String text, Map<String, String> env) throws IOException {
        Path file = root.resolve("agent.hcl");
        Files.writeString(file, text);
        return ConfigReader.read(file, env::get);
    }

    static Agent agent(AgentConfig config, StringWriter log) {
        return new Agent(
                config,
                io.plumb.agent.store.JdbcStore.open(config.store(), config.directory()),
                new DriftChecker(config.directory()),
                ChannelSetup.notifiers(config.channels()),
                new PrintWriter(log, true));
    }
}
