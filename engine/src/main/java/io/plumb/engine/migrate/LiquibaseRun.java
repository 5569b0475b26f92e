package io.plumb.engine.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.DbmsTargetedChange;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.OutputChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.exception.ValidationErrors;
import liquibase.logging.core.NoOpLogService;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.precondition.ErrorPrecondition;
import liquibase.precondition.FailedPrecondition;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import org.jspecify.annotations.Nullable;

/**
 * A {@code LiquibaseRun} is a master changelog parsed by Liquibase ({@link LiquibaseChangelog} says what it is read
 * into): the changesets in the order Liquibase runs them, cut into runs of one file each, and, for each dialect, the
 * SQL Liquibase writes for their changes. Liquibase writes it offline (as its {@code update-sql} does), for the
 * dialect's database: PostgreSQL, MariaDB for the MySQL dialect (Plumb's MySQL server here), SQLite.
 */
final class LiquibaseRun {

    private static final Object SCOPE_LOCK = new Object();

    private final Path root;
    private final String display;
    private final String master;
    private final List<Unit> units;
    private final Map<String, DatabaseChangeLog> byDatabase = new ConcurrentHashMap<>();

    /**
     * A run of consecutive changesets from one changelog file.
     *
     * @param name the migration file's name: the file's path under the directory, {@code #N} for its N-th run
     * @param path the file's path as Liquibase names it
     * @param content the file's bytes
     * @param changeSets its changesets, as {@link #key} names them
     * @param inFile where each of them stands among the file's changesets
     */
    private record Unit(String name, String path, byte[] content, List<String> changeSets, List<Integer> inFile) {}

    private LiquibaseRun(Path root, String display, String master, List<Unit> units) {
        this.root = root;
        this.display = display;
        this.master = master;
        this.units = units;
    }

    /**
     * Parses a master changelog and cuts it into runs.
     *
     * @throws MigrationFileException {@code FILE:line:col: detail} where Liquibase cannot parse it
     */
    static LiquibaseRun parse(Path root, String display, String master) {
        DatabaseChangeLog log = parsed(root, master, Optional.empty());
        if (holdsConditions(log.getPreconditions())) {
            LiquibaseErrors.Mention at = changelogPreconditions(root, master, log);
            throw new MigrationFileException(
                    at.file(),
                    at.line(),
                    at.column(),
                    "preconditions of a whole changelog are not supported: put them on its changesets");
        }
        List<Unit> units = new ArrayList<>();
        Map<String, Integer> runs = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<ChangeSet> changeSets = log.getChangeSets();
        int first = 0;
        for (int i = 1; i <= changeSets.size(); i++) {
            if (i < changeSets.size() && physical(changeSets.get(i)).equals(physical(changeSets.get(first)))) {
                continue;
            }
            String path = physical(changeSets.get(first));
            Path file = LiquibaseFiles.locate(root, path);
            String name = LiquibaseFiles.relative(root, file, path);
            int run = runs.merge(name, 1, Integer::sum);
            List<String> keys = new ArrayList<>();
            List<Integer> inFile = new ArrayList<>();
            for (int j = first; j < i; j++) {
                keys.add(key(changeSets.get(j)));
                inFile.add(seen.merge(path, 1, Integer::sum) - 1);
            }
            units.add(new Unit(
                    run == 1 ? name : name + "#" + run, path, LiquibaseFiles.read(file, display, name), keys, inFile));
            first = i;
        }
        return new LiquibaseRun(root, display, master, List.copyOf(units));
    }

    /**
     * Finds the changelog file whose own preconditions hold a condition (a master's container holds those of the files
     * it includes), at its {@code preConditions} marker; the master's first line when none is found.
     */
    private static LiquibaseErrors.Mention changelogPreconditions(Path root, String master, DatabaseChangeLog log) {
        List<DatabaseChangeLog> logs = new ArrayList<>(List.of(log));
        for (ChangeSet changeSet : log.getChangeSets()) {
            if (changeSet.getChangeLog() != null && !logs.contains(changeSet.getChangeLog())) {
                logs.add(changeSet.getChangeLog());
            }
        }
        List<PreconditionContainer> containers =
                logs.stream().map(DatabaseChangeLog::getPreconditions).toList();
        Pattern marker = Pattern.compile("<preConditions\\b|\"?preConditions\"?\\s*:");
        for (DatabaseChangeLog each : logs) {
            PreconditionContainer own = each.getPreconditions();
            // An included file's container is nested in its parent's.
            if (own == null
                    || own.getNestedPreconditions().stream()
                            .noneMatch(p -> containers.stream().noneMatch(c -> c == p)
                                    && (!(p instanceof PreconditionContainer inner) || holdsConditions(inner)))) {
                continue;
            }
            String path = each.getPhysicalFilePath() == null ? master : each.getPhysicalFilePath();
            Path file = LiquibaseFiles.locate(root, path);
            String name = LiquibaseFiles.relative(root, file, path);
            try {
                String text = Files.readString(file);
                Matcher m = marker.matcher(text);
                if (m.find()) {
                    int line = 1
                            + (int) text.substring(0, m.start())
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count();
                    return new LiquibaseErrors.Mention(name, line, m.start() - text.lastIndexOf('\n', m.start() - 1));
                }
            } catch (java.io.IOException e) {
                // Named at its first line.
            }
            return new LiquibaseErrors.Mention(name, 1, 1);
        }
        return new LiquibaseErrors.Mention(master, 1, 1);
    }

    /**
     * Returns whether a precondition container holds a condition: a changelog's container holds its includes'
     * containers, empty when they have none.
     */
    private static boolean holdsConditions(@Nullable PreconditionContainer container) {
        if (container == null) {
            return false;
        }
        for (liquibase.precondition.Precondition nested : container.getNestedPreconditions()) {
            if (!(nested instanceof PreconditionContainer inner) || holdsConditions(inner)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the runs as migration files of a format. */
    List<MigrationFile> files(DirFormat format) {
        List<MigrationFile> files = new ArrayList<>(units.size());
        int width = Math.max(4, Integer.toString(units.size()).length());
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            int index = i;
            String version = String.format(Locale.ROOT, "%0" + width + "d", i + 1);
            String base = Path.of(unit.path()).getFileName().toString();
            int dot = base.lastIndexOf('.');
            files.add(new MigrationFile(
                    unit.name(),
                    unit.content(),
                    format,
                    version,
                    dot > 0 ? base.substring(0, dot) : base,
                    Placeholders.NONE,
                    Optional.of((file, options) -> script(index, file, options))));
        }
        return files;
    }

    /** Writes the statements of one run for a dialect. */
    private MigrationScript script(int index, MigrationFile file, ScannerOptions options) {
        String dbms = dbms(options)
                .orElseThrow(() -> new MigrationFileException(
                        file.name(),
                        1,
                        1,
                        "Liquibase writes a changelog's SQL for the database it runs on, and this command has none: apply or"
                                + " test the changelog on a database instead"));
        DatabaseChangeLog log = byDatabase.computeIfAbsent(dbms, d -> parsed(root, master, Optional.of(d)));
        try {
            ResourceAccessor accessor = LiquibaseFiles.accessor(root);
            return quietly(accessor, () -> script(units.get(index), file, options, log, offline(dbms, accessor)));
        } catch (MigrateException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationFileException(
                    file.name(), 1, 1, "Liquibase cannot write the changelog's SQL: " + LiquibaseErrors.message(e), e);
        }
    }

    private static MigrationScript script(
            Unit unit, MigrationFile file, ScannerOptions options, DatabaseChangeLog log, Database database) {
        Set<String> names = LiquibaseScript.dbmsNames(options);
        ChangesetPositions positions =
                new ChangesetPositions(new String(unit.content(), java.nio.charset.StandardCharsets.UTF_8));
        Map<String, ChangeSet> byKey = new HashMap<>();
        for (ChangeSet changeSet : log.getChangeSets()) {
            byKey.putIfAbsent(key(changeSet), changeSet);
        }
        List<Statement> statements = new ArrayList<>();
        List<Guard> guards = new ArrayList<>();
        boolean noTransaction = false;
        for (int i = 0; i < unit.changeSets().size(); i++) {
            // Liquibase leaves out, as it parses, the changesets for other databases than the one it writes for.
            ChangeSet changeSet = byKey.get(unit.changeSets().get(i));
            int inFile = unit.inFile().get(i);
            if (changeSet == null || changeSet.isIgnore() || !runsOn(changeSet.getDbmsSet(), names)) {
                continue;
            }
            int[] at = positions.changeset(inFile);
            String label = "changeset " + changeSet.getAuthor() + ":" + changeSet.getId();
            noTransaction |= !changeSet.isRunInTransaction();
            int first = statements.size();
            // Liquibase sets the changeset's quoting strategy on the database before it writes its changes.
            database.setObjectQuotingStrategy(quoting(changeSet));
            for (Change change : changeSet.getChanges()) {
                int[] place = positions.change(inFile, change.getSerializedObjectName());
                for (String sql : sql(change, changeSet, database, names, file.name(), place, label)) {
                    statements.add(new Statement(sql, place[0], place[1], List.of()));
                }
            }
            PreconditionContainer preconditions = changeSet.getPreconditions();
            if (preconditions != null
                    && !preconditions.getNestedPreconditions().isEmpty()
                    && statements.size() > first) {
                guards.add(new Guard(
                        first,
                        statements.size(),
                        at[0],
                        at[1],
                        label,
                        List.of(new Precondition.Evaluated(
                                connection -> check(connection, log, changeSet, preconditions))),
                        Guard.Action.of(preconditions.getOnFail().name()),
                        Guard.Action.of(preconditions.getOnError().name())));
            }
        }
        FileDirectives directives = new FileDirectives(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false);
        return new MigrationScript(
                file,
                noTransaction ? UpSection.noTransaction(directives) : directives,
                List.of(),
                statements,
                Optional.empty(),
                guards);
    }

    /** Writes one change's SQL, as Liquibase writes it for the database, with the changeset's SQL visitors applied. */
    private static List<String> sql(
            Change change,
            ChangeSet changeSet,
            Database database,
            Set<String> names,
            String file,
            int[] place,
            String label) {
        if (change instanceof TagDatabaseChange || change instanceof EmptyChange || change instanceof OutputChange) {
            return List.of(); // Liquibase's own history and console; Plumb keeps its own revisions
        }
        if (change instanceof DbmsTargetedChange targeted
                && targeted.getDbms() != null
                && !runsOn(LiquibaseScript.dbmsList(targeted.getDbms()), names)) {
            return List.of();
        }
        String what = label + ": " + change.getSerializedObjectName();
        try {
            if (!change.getClass().getName().startsWith("liquibase.change.core.")) {
                throw new MigrationFileException(
                        file,
                        place[0],
                        place[1],
                        what + " runs Java code (" + change.getClass().getName() + "), which plumb does not run");
            }
            if (database.getShortName().equals("sqlite") && change.generateStatementsVolatile(database)) {
                throw new MigrationFileException(
                        file,
                        place[0],
                        place[1],
                        what
                                + " on SQLite: Liquibase writes it from the table as it is in the database (it copies the"
                                + " table), which plumb does not do; run the changelog on PostgreSQL or MySQL, or write the"
                                + " change as <sql>");
            }
            ValidationErrors errors = change.validate(database);
            if (errors.hasErrors()) {
                throw new MigrationFileException(
                        file, place[0], place[1], what + ": " + String.join("; ", errors.getErrorMessages()));
            }
            List<String> statements = new ArrayList<>();
            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
                String text = sql.toSql();
                for (SqlVisitor visitor : changeSet.getSqlVisitors()) {
                    if (visitor.getApplicableDbms() == null
                            || visitor.getApplicableDbms().isEmpty()
                            || runsOn(visitor.getApplicableDbms(), names)) {
                        text = visitor.modifySql(text, database);
                    }
                }
                text = text.strip();
                if (!text.isEmpty()) {
                    String delimiter = sql.getEndDelimiter();
                    boolean semicolon = delimiter == null || delimiter.equals(";");
                    statements.add(semicolon && !text.endsWith(";") ? text + ";" : text);
                }
            }
            return statements;
        } catch (MigrationFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MigrationFileException(file, place[0], place[1], what + ": " + LiquibaseErrors.message(e), e);
        }
    }

    /** Checks a changeset's preconditions with Liquibase, on the connection the changeset runs on. */
    private static Optional<String> check(
            Connection connection, DatabaseChangeLog log, ChangeSet changeSet, PreconditionContainer preconditions)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        LiquibaseHistory.register();
        List<RanChangeSet> ran = new ArrayList<>();
        for (ChangeSet before : log.getChangeSets()) {
            if (before == changeSet) {
                break;
            }
            ran.add(new RanChangeSet(before, ChangeSet.ExecType.EXECUTED, null, null));
        }
        try {
            return quietly(Map.of(LiquibaseHistory.RAN, ran), () -> {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setObjectQuotingStrategy(quoting(changeSet));
                for (liquibase.precondition.Precondition precondition : preconditions.getNestedPreconditions()) {
                    precondition.check(database, log, changeSet, null);
                }
                return Optional.<String>empty();
            });
        } catch (PreconditionFailedException e) {
            List<String> reasons = new ArrayList<>();
            for (FailedPrecondition failed : e.getFailedPreconditions()) {
                reasons.add(failed.getMessage());
            }
            return Optional.of(reasons.isEmpty() ? LiquibaseErrors.message(e) : String.join("; ", reasons));
        } catch (PreconditionErrorException e) {
            List<String> reasons = new ArrayList<>();
            for (ErrorPrecondition failed : e.getErrorPreconditions()) {
                reasons.add(failed.getPrecondition().getName() + ": " + LiquibaseErrors.message(failed.getCause()));
            }
            throw new SQLException(reasons.isEmpty() ? LiquibaseErrors.message(e) : String.join("; ", reasons), e);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(LiquibaseErrors.message(e), e);
        } finally {
            if (connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static ObjectQuotingStrategy quoting(ChangeSet changeSet) {
        return changeSet.getObjectQuotingStrategy() == null
                ? ObjectQuotingStrategy.LEGACY
                : changeSet.getObjectQuotingStrategy();
    }

    /**
     * Names a changeset by the file that holds it, its id and author: Liquibase identifies it by its logical file path
     * ({@code logicalFilePath}), which may name no file, or the same one in several files.
     */
    private static String key(ChangeSet changeSet) {
        return physical(changeSet) + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
    }

    /** Returns the path of the file that holds a changeset, as Liquibase found it, whatever its logical path. */
    private static String physical(ChangeSet changeSet) {
        DatabaseChangeLog log = changeSet.getChangeLog();
        return log != null && log.getPhysicalFilePath() != null ? log.getPhysicalFilePath() : changeSet.getFilePath();
    }

    /**
     * Parses the master changelog for a database, whose properties it takes and whose changesets alone it keeps; or
     * for none, which keeps every changeset.
     */
    private static DatabaseChangeLog parsed(Path root, String master, Optional<String> dbms) {
        try {
            ResourceAccessor accessor = LiquibaseFiles.accessor(root);
            return quietly(accessor, () -> {
                ChangeLogParameters parameters = dbms.isPresent()
                        ? new DialectParameters(offline(dbms.get(), accessor))
                        : new ChangeLogParameters();
                return ChangeLogParserFactory.getInstance()
                        .getParser(master, accessor)
                        .parse(master, parameters, accessor);
            });
        } catch (MigrateException e) {
            throw e;
        } catch (Exception e) {
            throw LiquibaseErrors.parseError(root, master, e);
        }
    }

    /**
     * The properties of a changelog parsed for a dialect's database. Liquibase writes MySQL's SQL for MariaDB, which
     * stands in for MySQL here, and takes the changesets and changes for {@code mysql} there, as {@code LiquibaseScript}
     * does: a property for {@code mysql} is one for {@code mariadb} too (Liquibase would keep only the latter's).
     */
    private static final class DialectParameters extends ChangeLogParameters {

        private final boolean mysql;

        DialectParameters(Database database) {
            super(database);
            this.mysql = database.getShortName().equals("mariadb");
        }

        @Override
        public void set(
                String key,
                Object value,
                liquibase.ContextExpression contexts,
                liquibase.Labels labels,
                String databases,
                boolean globalParam,
                DatabaseChangeLog changeLog) {
            super.set(key, value, contexts, labels, mysql ? alsoMariadb(databases) : databases, globalParam, changeLog);
        }

        @Override
        public void set(
                String key,
                Object value,
                String contexts,
                String labels,
                String databases,
                boolean globalParam,
                DatabaseChangeLog changeLog) {
            super.set(key, value, contexts, labels, mysql ? alsoMariadb(databases) : databases, globalParam, changeLog);
        }

        private static @Nullable String alsoMariadb(@Nullable String databases) {
            if (databases == null || databases.isBlank()) {
                return databases;
            }
            List<String> names = LiquibaseScript.dbmsList(databases).stream()
                    .map(d -> d.strip().toLowerCase(Locale.ROOT))
                    .toList();
            String more = databases;
            if (names.contains("mysql") && !names.contains("mariadb")) {
                more += ",mariadb";
            }
            if (names.contains("!mysql") && !names.contains("!mariadb")) {
                more += ",!mariadb";
            }
            return more;
        }
    }

    private static Database offline(String dbms, ResourceAccessor accessor) {
        try {
            return DatabaseFactory.getInstance().openDatabase("offline:" + dbms, null, null, null, accessor);
        } catch (LiquibaseException e) {
            throw new MigrateException("Liquibase cannot write SQL for " + dbms + ": " + LiquibaseErrors.message(e), e);
        }
    }

    /** Returns the Liquibase database a dialect's statements are written for, or empty where none is known. */
    private static Optional<String> dbms(ScannerOptions options) {
        if (options.equals(ScannerOptions.POSTGRES)) {
            return Optional.of("postgresql");
        } else if (options.equals(ScannerOptions.MYSQL)) {
            return Optional.of("mariadb");
        } else if (options.equals(ScannerOptions.SQLITE)) {
            return Optional.of("sqlite");
        }
        return Optional.empty();
    }

    private static boolean runsOn(java.util.@Nullable Collection<String> dbms, Set<String> names) {
        return dbms == null
                || LiquibaseScript.matches(
                        dbms.stream()
                                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                                .toList(),
                        names);
    }

    /**
     * Runs Liquibase code with its logging off and the directory's files as its resources: changes that read files
     * ({@code loadData}, {@code sqlFile}, {@code createProcedure path=}) find them through the scope, not the parser.
     */
    private static <T> T quietly(ResourceAccessor accessor, Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        return quietly(Map.of(Scope.Attr.resourceAccessor.name(), accessor), work);
    }

    /**
     * Runs Liquibase code with its logging off (the command's output is Plumb's), in a scope with some values. One
     * thread at a time: Liquibase's scope manager keeps one current scope for the threads that share it, and two
     * scopes entered at once left one thread with the other's values (a precondition check found no history service
     * of Plumb's, and Liquibase's own rolled the transaction back).
     */
    private static <T> T quietly(Map<String, Object> values, Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        Map<String, Object> scope = new HashMap<>(values);
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        synchronized (SCOPE_LOCK) {
            return Scope.child(scope, work);
        }
    }
}
