package io.plumb.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumb.engine.db.Database;
import io.plumb.engine.diff.ExcludeFilter;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.History;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.Revision;
import io.plumb.engine.migrate.RevisionStore;
import io.plumb.engine.schema.Realm;
import io.plumb.runner.TextDiff;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code DirectoryChecker} checks a target bound to a migration directory: its revisions give the current
 * version and the pending files; the directory replayed up to the current version on the dev database gives the
 * expected schema, which is compared, as HCL, with the inspected one.
 *
 * <p>Expected states are kept per dev database, directory and version, so that each distinct version is replayed
 * once however many tenants are at it; replays on one dev database are serialised, since it is one database.
 */
public final class DirectoryChecker implements Checker {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path workingDirectory;
    private final Map<String, CompletableFuture<String>> expected = new ConcurrentHashMap<>();
    private final Map<String, Object> devLocks = new ConcurrentHashMap<>();
    private final AtomicLong replays = new AtomicLong();

    /** Creates a checker that resolves relative paths against the given directory. */
    public DirectoryChecker(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public long replays() {
        return replays.get();
    }

    @Override
    public CheckResult check(Target target) {
        try (Database db = Database.open(target.url(), workingDirectory)) {
            Realm actualRealm = relevant(db.inspect(target.schemas()), target, db);
            String actual = db.dialect().spec().write(actualRealm);
            if (target.dir().isEmpty()) {
                return new CheckResult(
                        TargetStatus.SYNCED,
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        "inspected",
                        "{}",
                        Optional.of(actual));
            }
            MigrationDir dir = MigrationDir.open(target.dir().get(), workingDirectory);
            History history = new Migrator(db, dir).history();
            Optional<String> current = history.last().map(Revision::version);
            Optional<String> latest = history.files().isEmpty()
                    ? Optional.empty()
                    : Optional.of(history.files().get(history.files().size() - 1).version());
            List<String> pending =
                    history.pending().stream().map(MigrationFile::name).toList();
            Optional<Revision> failed = history.last().filter(r -> r.error().isPresent());
            if (failed.isPresent()) {
                String message = "version " + failed.get().version() + " failed: "
                        + failed.get().error().orElse("");
                return new CheckResult(
                        TargetStatus.ERROR,
                        current,
                        latest,
                        pending,
                        target.mask(message),
                        "{}",
                        Optional.of(actual));
            }
            TargetStatus status = pending.isEmpty() ? TargetStatus.SYNCED : TargetStatus.PENDING;
            String message = pending.isEmpty() ? "at the latest version" : pending.size() + " pending file(s)";
            String report = "{}";
            if (target.dev().isPresent()) {
                List<MigrationFile> applied = history.files().stream()
                        .filter(f -> current.isPresent() && f.compareVersionTo(current.get()) <= 0)
                        .toList();
                String expectedHcl = expected(target, dir, applied, current.orElse(""));
                if (!expectedHcl.equals(actual)) {
                    status = TargetStatus.DRIFTED;
                    String diff = TextDiff.unified("expected", expectedHcl, "actual", actual);
                    message = "the schema differs from version " + current.orElse("(none)");
                    report = report(current.orElse(""), diff);
                }
            }
            return new CheckResult(status, current, latest, pending, message, report, Optional.of(actual));
        } catch (RuntimeException e) {
            return CheckResult.error(target.mask(String.valueOf(e.getMessage())));
        }
    }

    private String expected(Target target, MigrationDir dir, List<MigrationFile> applied, String version) {
        String dev = target.dev().orElseThrow();
        String key = dev + "\n" + dir.path() + "\n" + version + "\n" + String.join(",", target.schemas());
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> found = expected.putIfAbsent(key, mine);
        if (found != null) {
            try {
                return found.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the expected state", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        }
        try {
            String hcl;
            synchronized (devLocks.computeIfAbsent(dev, k -> new Object())) {
                try (Database devDb = Database.open(dev, workingDirectory)) {
                    replays.incrementAndGet();
                    Realm realm = DirReplay.replay(devDb, applied, target.schemas());
                    hcl = devDb.dialect().spec().write(relevant(realm, target, devDb));
                }
            }
            mine.complete(hcl);
            return hcl;
        } catch (RuntimeException e) {
            // A failed replay is not kept: the next check tries again (the dev database may be back).
            expected.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Realm relevant(Realm realm, Target target, Database db) {
        Realm filtered = realm.withSchemas(realm.schemas().stream()
                .filter(s -> !s.name().equals(RevisionStore.DEFAULT_SCHEMA))
                .map(s -> s.withTables(s.tables().stream()
                        .filter(t -> !t.name().equals(RevisionStore.TABLE))
                        .toList()))
                .toList());
        return target.exclude().isEmpty()
                ? filtered
                : ExcludeFilter.apply(filtered, target.exclude(), db.boundSchema().isPresent());
    }

    private static String report(String version, String diff) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("version", version);
            json.writeStringField("hclDiff", diff);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The engine's migrator with the agent's options: it only reads the history. */
    private static final class Migrator {
        private final io.plumb.engine.migrate.Migrator migrator;

        Migrator(Database db, MigrationDir dir) {
            this.migrator = new io.plumb.engine.migrate.Migrator(db, dir, ApplyOptions.defaults("plumb-agent"));
        }

        History history() {
            return migrator.history();
        }
    }
}
