package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.devdb.DevDatabase;
import io.plumb.engine.devdb.ServerObjects;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code CheckValidator} finds the pre-migration checks of a migration directory that would not work when their
 * file is applied, by replaying the directory on a dev database and running each check just before its file.
 *
 * <p>A check must parse, must run at the version before its file, and must return one row of one boolean-like
 * value (true and false are both fine: only the shape is validated, since the dev database holds no data). Checks
 * run in a transaction that is rolled back, so they never change what later files and checks see. Only the
 * migration part of each file is then applied. When a file cannot be read or applied, the replay stops there:
 * the checks of later files cannot be validated, and the problem says so. The files run as on a database that
 * began with the first of them: a checkpoint file after it is skipped, as such a database skips it ({@link
 * History}), so that the checks of every file are validated. The dev database must be clean and is
 * left clean; the databases, roles, users and tablespaces the files (or checks) created on the dev server are dropped
 * afterwards, and a statement that would change one that existed before is refused ({@link ServerObjects}).
 */
public final class CheckValidator {

    private static final String EXPECTED = ", expected one boolean";
    private static final String STOPPED = "; the checks of later files cannot be validated";

    private final Database dev;
    private final ServerObjects created;
    private final ScannerOptions options;
    private final List<CheckProblem> problems = new ArrayList<>();

    private CheckValidator(Database dev) {
        this.dev = dev;
        this.created = ServerObjects.on(dev);
        this.options = ScannerOptions.forDialect(dev.dialect().name());
    }

    /**
     * Checks the directory against its {@code atlas.sum}, then validates the checks of every file.
     *
     * @throws ChecksumException when the directory does not match its {@code atlas.sum}
     * @throws io.plumb.engine.db.DatabaseException when the dev database is not clean
     */
    public static List<CheckProblem> validate(Database dev, MigrationDir dir) {
        return validate(dev, dir.validate());
    }

    /**
     * Validates the checks of every file, in order.
     *
     * @throws io.plumb.engine.db.DatabaseException when the dev database is not clean
     */
    public static List<CheckProblem> validate(Database dev, List<MigrationFile> files) {
        return validate(dev, files, files.size());
    }

    /**
     * Validates the checks of the last {@code latest} files only; the files before them are still replayed, and
     * a problem that stops the replay there is reported.
     *
     * @throws IllegalArgumentException when {@code latest} is negative
     * @throws io.plumb.engine.db.DatabaseException when the dev database is not clean
     */
    public static List<CheckProblem> validate(Database dev, List<MigrationFile> files, int latest) {
        if (latest < 0) {
            throw new IllegalArgumentException("latest must not be negative, found " + latest);
        }
        int first = Math.max(0, files.size() - latest);
        CheckValidator validator = new CheckValidator(dev);
        return DevDatabase.use(dev, validator.created, () -> {
            validator.replay(files, first);
            return List.copyOf(validator.problems);
        });
    }

    private void replay(List<MigrationFile> files, int first) {
        for (int i = 0; i < files.size(); i++) {
            if (i > 0 && History.isCheckpoint(files.get(i))) {
                continue;
            }
            boolean last = i == files.size() - 1;
            Optional<List<Statement>> migration = read(files.get(i), i >= first, last);
            if (migration.isEmpty() || !apply(files.get(i), migration.get(), last)) {
                return;
            }
        }
    }

    // The statements to apply, after validating the file's checks; empty when the replay cannot go on.
    private Optional<List<Statement>> read(MigrationFile file, boolean validating, boolean last) {
        MigrationScript script;
        try {
            script = MigrationScript.parse(file, options);
        } catch (MigrateException e) {
            Optional<List<Statement>> recovered = recover(file);
            if (recovered.isEmpty()) {
                problems.add(CheckProblem.of(file, e).withNote(last ? "" : STOPPED));
            } else if (validating) {
                problems.add(CheckProblem.of(file, e));
            }
            return recovered;
        }
        if (validating) {
            for (CheckFile check : script.checks()) {
                check.statements().forEach(assertion -> validate(file, check, assertion));
            }
        }
        return Optional.of(script.statements());
    }

    // A txtar file whose checks cannot be read still has a migration the later files depend on.
    private Optional<List<Statement>> recover(MigrationFile file) {
        try {
            if (!file.directives().txtar()) {
                return Optional.empty();
            }
            return Optional.of(MigrationScript.migrationOnly(file, options));
        } catch (MigrateException e) {
            return Optional.empty();
        }
    }

    private void validate(MigrationFile file, CheckFile check, Statement assertion) {
        Optional<String> problem = run(assertion.text(), file.version());
        problem.ifPresent(found -> problems.add(new CheckProblem(
                file.name(), assertion.line(), assertion.column(), "check \"" + check.name() + "\" " + found)));
    }

    // Runs one assertion in a transaction of its own, always rolled back; returns what is wrong with it.
    private Optional<String> run(String sql, String version) {
        Connection connection = dev.connection();
        try {
            connection.setAutoCommit(false);
            try {
                return shape(sql, version);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "rolling back the check \"" + sql + "\" on the dev database " + dev.url() + ": "
                            + SqlErrors.message(e),
                    e);
        }
    }

    private Optional<String> shape(String sql, String version) {
        // A check that creates a server object is odd, but MySQL commits a CREATE USER whatever the transaction.
        try (java.sql.Statement statement = dev.connection().createStatement()) {
            if (!created.execute(sql, statement)) {
                return Optional.of("returns no rows" + EXPECTED);
            }
            try (ResultSet rows = statement.getResultSet()) {
                int columns = rows.getMetaData().getColumnCount();
                if (columns != 1) {
                    return Optional.of("returns " + columns + " columns" + EXPECTED);
                }
                int count = 0;
                @Nullable Object value = null;
                while (rows.next()) {
                    if (count++ == 0) {
                        value = rows.getObject(1);
                    }
                }
                if (count != 1) {
                    return Optional.of("returns " + (count == 0 ? "no rows" : count + " rows") + EXPECTED);
                }
                if (SqlTruth.of(value).isEmpty()) {
                    return Optional.of("returns " + PreMigrationChecks.describe(value) + EXPECTED);
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.of("fails on the dev database before version " + version + ": " + SqlErrors.message(e));
        }
    }

    // Returns whether the replay can go on.
    private boolean apply(MigrationFile file, List<Statement> statements, boolean last) {
        for (Statement statement : statements) {
            try {
                created.execute(statement.text());
            } catch (SQLException e) {
                problems.add(new CheckProblem(
                        file.name(),
                        statement.line(),
                        statement.column(),
                        "statement of version " + file.version() + " fails on the dev database: " + SqlErrors.message(e)
                                + (last ? "" : STOPPED)));
                return false;
            }
        }
        return true;
    }
}
