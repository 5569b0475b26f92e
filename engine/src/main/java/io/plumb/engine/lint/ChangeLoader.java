package io.plumb.engine.lint;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.devdb.DevDatabase;
import io.plumb.engine.devdb.ServerObjects;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.migrate.Guard;
import io.plumb.engine.migrate.GuardedRun;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationScript;
import io.plumb.engine.migrate.ScanException;
import io.plumb.engine.migrate.ScannerOptions;
import io.plumb.engine.migrate.Statement;
import io.plumb.engine.migrate.StatementScanner;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ChangeLoader} replays the base files of a lint run on the dev database, then executes each new file
 * statement by statement, inspecting the database and diffing after each statement, so that every change knows the
 * statement, and so the line, that made it. After a statement confined to one table the inspection reads that
 * table only where the dialect allows ({@link ScopedInspection}).
 *
 * <p>As the reference does, when there is no base and the first new file has more than ten statements, that
 * file is executed in one go and its changes are attached to its top: a baseline file is not worth a diff per
 * statement. Replay starts at the last checkpoint among the base files. A new checkpoint file describes the whole
 * state at its version for databases without a history, not a change to the files before it: it is loaded without
 * changes (so nothing is reported on it), and once the other files are loaded, it runs alone on the cleaned dev
 * database, so that a checkpoint that does not run fails the lint at its statement, as the reference checks it. The
 * caller keeps the dev database clean.
 */
final class ChangeLoader {

    /** The reference's limit of statements a first file is diffed one by one for. */
    private static final int MAX_STATEMENT_LOOP = 10;

    private static final String MIGRATION = "migration.sql";

    private static final java.util.regex.Pattern DML =
            java.util.regex.Pattern.compile("(?i)\\s*(?:INSERT|UPDATE|DELETE)\\s");

    private final Database dev;
    private final ScannerOptions options;
    private final DiffOptions diff;
    private final boolean sqlite;
    private final ScopedInspection inspection;
    private final ServerObjects created;

    /** Creates a loader whose statements' server objects (a database, a role) {@code created} remembers. */
    ChangeLoader(Database dev, ServerObjects created) {
        this.dev = dev;
        this.created = created;
        this.inspection = new ScopedInspection(dev);
        this.options = ScannerOptions.forDialect(dev.dialect().name());
        this.diff = new DiffOptions(dev.dialect().normalizer(), DiffPolicy.none());
        this.sqlite = dev.dialect().name().equals("sqlite");
    }

    /**
     * Replays the base files and loads the changes of the new ones.
     *
     * @throws LintException when a file cannot be read or a statement fails
     */
    List<LintFile> load(List<MigrationFile> base, List<MigrationFile> files) {
        int lastCheckpoint = -1;
        for (int i = 0; i < base.size(); i++) {
            if (base.get(i).directives().checkpoint().isPresent()) {
                lastCheckpoint = i;
            }
        }
        for (MigrationFile file : base.subList(Math.max(0, lastCheckpoint), base.size())) {
            MigrationScript script = script(file);
            GuardedRun guarded = new GuardedRun(script);
            for (int i = 0; i < script.statements().size(); i++) {
                if (runs(file, guarded, i)) {
                    execute(file, script.statements().get(i), true);
                }
            }
        }
        Realm current = inspect();
        List<LintFile> loaded = new ArrayList<>();
        List<MigrationScript> checkpoints = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MigrationFile file = files.get(i);
            MigrationScript script = script(file);
            if (file.directives().checkpoint().isPresent()) {
                checkpoints.add(script);
                loaded.add(new LintFile(
                        file,
                        List.of(),
                        List.of(),
                        current,
                        current,
                        dev.dialect().name()));
                continue;
            }
            List<Statement> statements = script.statements();
            GuardedRun guarded = new GuardedRun(script);
            List<Change> changes = new ArrayList<>();
            Realm start = current;
            if (base.isEmpty() && i == 0 && statements.size() > MAX_STATEMENT_LOOP) {
                for (int k = 0; k < statements.size(); k++) {
                    if (runs(file, guarded, k)) {
                        execute(file, statements.get(k), false);
                    }
                }
                current = inspect();
                changes.add(new Change(new Statement("", 1, 1, List.of()), 0, changes(start, current), List.of()));
            } else {
                for (int k = 0; k < statements.size(); k++) {
                    Statement statement = statements.get(k);
                    if (!runs(file, guarded, k)) {
                        int pos = LintFile.offset(file.text(), statement.line(), statement.column());
                        changes.add(new Change(statement, pos, List.of(), List.of()));
                        continue;
                    }
                    long version = schemaVersion();
                    ScopedInspection.Prepared prepared = inspection.prepare(statement.text());
                    int pos = execute(file, statement, false);
                    if (unchanged(statement, version)) {
                        changes.add(new Change(statement, pos, List.of(), List.of()));
                        continue;
                    }
                    Realm next = inspection.after(current, prepared);
                    changes.add(RenameDetector.detect(statement, pos, changes(current, next)));
                    current = next;
                }
            }
            loaded.add(new LintFile(
                    file, statements, changes, start, current, dev.dialect().name()));
        }
        for (MigrationScript checkpoint : checkpoints) {
            DevDatabase.clean(dev);
            GuardedRun guarded = new GuardedRun(checkpoint);
            for (int k = 0; k < checkpoint.statements().size(); k++) {
                if (runs(checkpoint.file(), guarded, k)) {
                    execute(checkpoint.file(), checkpoint.statements().get(k), false);
                }
            }
        }
        return loaded;
    }

    /**
     * Returns whether a statement certainly changed no schema, so that the inspection after it can be saved: on
     * SQLite when its {@code schema_version} did not move (it counts every schema change), elsewhere for plain
     * {@code INSERT}, {@code UPDATE} and {@code DELETE} statements. Inspection is most of lint's cost.
     */
    private boolean unchanged(Statement statement, long versionBefore) {
        if (sqlite) {
            return versionBefore >= 0 && versionBefore == schemaVersion();
        }
        return DML.matcher(statement.text()).lookingAt();
    }

    private long schemaVersion() {
        if (!sqlite) {
            return -1;
        }
        try (java.sql.Statement jdbc = dev.connection().createStatement();
                java.sql.ResultSet rows = jdbc.executeQuery("PRAGMA schema_version")) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private List<SchemaChange> changes(Realm from, Realm to) {
        return new Differ().diff(from, to, diff);
    }

    private Realm inspect() {
        return inspection.full();
    }

    /**
     * Returns whether a statement runs, checking the precondition of a Liquibase changeset that starts there on the
     * dev database, as {@code migrate apply} checks it.
     *
     * @throws LintException at the precondition when it halts the file
     */
    private boolean runs(MigrationFile file, GuardedRun guarded, int index) {
        Guard.Verdict verdict = guarded.at(index, dev.connection());
        if (verdict.halts()) {
            throw new LintException(file.name(), 0, verdict.message().orElseThrow(), null);
        }
        return verdict.runs();
    }

    // The migration part only: a txtar file whose checks do not parse is still replayed and linted, and its
    // check problems are reported by the check validation.
    private MigrationScript script(MigrationFile file) {
        try {
            if (!file.directives().txtar()) {
                return MigrationScript.parse(file, options);
            }
            String text = file.text();
            for (ArchiveFile section : Txtar.parse(text).files()) {
                if (section.name().equals(MIGRATION)) {
                    int offset = markerLine(text, "-- " + MIGRATION + " --");
                    List<Statement> statements = StatementScanner.scan(section.data(), options).stream()
                            .map(s -> new Statement(s.text(), s.line() + offset, s.column(), s.comments()))
                            .toList();
                    return new MigrationScript(file, file.directives(), List.of(), statements, Optional.empty());
                }
            }
            throw new LintException(file.name(), 0, "txtar migration file has no migration.sql section", null);
        } catch (LintException e) {
            throw e;
        } catch (ScanException e) {
            int offset = file.directives().txtar() ? markerLine(file.text(), "-- " + MIGRATION + " --") : 0;
            throw new LintException(
                    file.name(),
                    0,
                    position(e.line() + offset, e.column()),
                    "scanning statements: " + file.name() + ":" + (e.line() + offset) + ":" + e.column() + ": "
                            + e.detail(),
                    e);
        } catch (MigrateException e) {
            throw new LintException(file.name(), 0, "scanning statements: " + e.getMessage(), e);
        }
    }

    private static int markerLine(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(marker)) {
                return i + 1;
            }
        }
        return 0;
    }

    // As the reference words it: the error of a base file's statement does not repeat the statement, that of a
    // linted file's does. Both carry the statement's position.
    private int execute(MigrationFile file, Statement statement, boolean base) {
        int pos = LintFile.offset(file.text(), statement.line(), statement.column());
        try {
            created.execute(statement.text());
        } catch (SQLException e) {
            String message =
                    "executing statement: " + (base ? "" : file.shown(statement) + ": ") + SqlErrors.message(e);
            throw new LintException(file.name(), pos, position(statement.line(), statement.column()), message, e);
        }
        return pos;
    }

    private static Position position(int line, int column) {
        return new Position(Math.max(1, line), Math.max(1, column));
    }
}
