package io.plumb.engine.migrate;

import java.io.FileNotFoundException;
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
import java.util.stream.Stream;
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
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A {@code LiquibaseRun} is a master changelog parsed by Liquibase ({@link LiquibaseChangelog} says what it is read
 * into): the changesets in the order Liquibase runs them, cut into runs of one file each, and, for each dialect, the
 * SQL Liquibase writes for their changes. Liquibase writes it offline (as its {@code update-sql} does), for the
 * dialect's database: PostgreSQL, MariaDB for the MySQL dialect (Plumb's MySQL server here), SQLite.
 */
final class LiquibaseRun {

    private static final Pattern YAML_MESSAGE = Pattern.compile("Syntax error in file ([^:]+):");
    private static final Pattern XSD_MESSAGE = Pattern.compile("Unable to resolve xml entity (\\S+?)\\.?(?:\\s|$)");
    private static final Pattern MISSING_MESSAGE = Pattern.compile("The file (\\S+) was not found");
    private static final Pattern SAX_MESSAGE =
            Pattern.compile("Error parsing line (\\d+) column (\\d+) of ([^:]+): (.*)", Pattern.DOTALL);

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
            Mention at = changelogPreconditions(root, master, log);
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
            Path file = locate(root, path);
            String name = relative(root, file, path);
            int run = runs.merge(name, 1, Integer::sum);
            List<String> keys = new ArrayList<>();
            List<Integer> inFile = new ArrayList<>();
            for (int j = first; j < i; j++) {
                keys.add(key(changeSets.get(j)));
                inFile.add(seen.merge(path, 1, Integer::sum) - 1);
            }
            units.add(new Unit(run == 1 ? name : name + "#" + run, path, read(file, display, name), keys, inFile));
            first = i;
        }
        return new LiquibaseRun(root, display, master, List.copyOf(units));
    }

    /**
     * Finds the changelog file whose own preconditions hold a condition (a master's container holds those of the files
     * it includes), at its {@code preConditions} marker; the master's first line when none is found.
     */
    private static Mention changelogPreconditions(Path root, String master, DatabaseChangeLog log) {
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
            Path file = locate(root, path);
            String name = relative(root, file, path);
            try {
                String text = Files.readString(file);
                Matcher m = marker.matcher(text);
                if (m.find()) {
                    int line = 1
                            + (int) text.substring(0, m.start())
                                    .chars()
                                    .filter(c -> c == '\n')
                                    .count();
                    return new Mention(name, line, m.start() - text.lastIndexOf('\n', m.start() - 1));
                }
            } catch (java.io.IOException e) {
                // Named at its first line.
            }
            return new Mention(name, 1, 1);
        }
        return new Mention(master, 1, 1);
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
            ResourceAccessor accessor = accessor(root);
            return quietly(accessor, () -> script(units.get(index), file, options, log, offline(dbms, accessor)));
        } catch (MigrateException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationFileException(
                    file.name(), 1, 1, "Liquibase cannot write the changelog's SQL: " + message(e), e);
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
            throw new MigrationFileException(file, place[0], place[1], what + ": " + message(e), e);
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
            return Optional.of(reasons.isEmpty() ? message(e) : String.join("; ", reasons));
        } catch (PreconditionErrorException e) {
            List<String> reasons = new ArrayList<>();
            for (ErrorPrecondition failed : e.getErrorPreconditions()) {
                reasons.add(failed.getPrecondition().getName() + ": " + message(failed.getCause()));
            }
            throw new SQLException(reasons.isEmpty() ? message(e) : String.join("; ", reasons), e);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException(message(e), e);
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
            ResourceAccessor accessor = accessor(root);
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
            throw parseError(root, master, e);
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
            throw new MigrateException("Liquibase cannot write SQL for " + dbms + ": " + message(e), e);
        }
    }

    /**
     * Returns where Liquibase finds the files a changelog includes: the directory, then each directory above it up to
     * and including a {@code resources} directory (a Maven or Gradle project's class path root, which includes
     * without {@code relativeToChangelogFile} are written against).
     */
    private static ResourceAccessor accessor(Path root) {
        List<ResourceAccessor> accessors = new ArrayList<>();
        try {
            for (Path dir : searchPath(root)) {
                accessors.add(new DirectoryResourceAccessor(dir));
            }
        } catch (FileNotFoundException e) {
            throw new MigrateException("cannot read migration directory " + root + ": " + e.getMessage(), e);
        }
        return new ClassPathAccessor(accessors);
    }

    /**
     * The directories of the search path, where a {@code classpath:} path is one under them, as Spring Boot's
     * accessor reads it (Liquibase's own takes the prefix off includes alone: {@code sqlFile} and {@code loadData}
     * paths written {@code classpath:db/...} found nothing).
     */
    private static final class ClassPathAccessor extends CompositeResourceAccessor {

        ClassPathAccessor(List<ResourceAccessor> accessors) {
            super(accessors);
        }

        private static String plain(String path) {
            if (path != null && path.startsWith("classpath:")) {
                String rest = path.substring("classpath:".length());
                return rest.startsWith("/") ? rest.substring(1) : rest;
            }
            return path;
        }

        @Override
        public List<liquibase.resource.Resource> search(String path, SearchOptions options) throws java.io.IOException {
            return super.search(plain(path), options);
        }

        @Override
        public List<liquibase.resource.Resource> search(String path, boolean recursive) throws java.io.IOException {
            return super.search(plain(path), recursive);
        }

        @Override
        public List<liquibase.resource.Resource> getAll(String path) throws java.io.IOException {
            return super.getAll(plain(path));
        }
    }

    private static List<Path> searchPath(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        List<Path> path = new ArrayList<>(List.of(dir));
        for (Path up = dir; up.getParent() != null; up = up.getParent()) {
            if (up.getFileName() != null && up.getFileName().toString().equals("resources")) {
                for (Path p = dir.getParent(); p != null && p.startsWith(up); p = p.getParent()) {
                    path.add(p);
                }
                break;
            }
        }
        return path;
    }

    /** Finds a changelog file Liquibase named, in the search path. */
    private static Path locate(Path root, String path) {
        String plain = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
        plain = plain.startsWith("/") && !Files.exists(Path.of(plain)) ? plain.substring(1) : plain;
        for (Path dir : searchPath(root)) {
            Path file = dir.resolve(plain).normalize();
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return root.resolve(plain).normalize();
    }

    private static String relative(Path root, Path file, String path) {
        Path dir = root.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(dir) ? dir.relativize(absolute).toString() : path;
    }

    private static byte[] read(Path file, String display, String name) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new MigrateException("cannot read changelog " + display + "/" + name + ": " + e.getMessage(), e);
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

    /** Turns a parse failure into an error at the changelog's line and column, where Liquibase says which. */
    private static MigrationFileException parseError(Path root, String master, Exception e) {
        String file = master;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage();
            Matcher sax = SAX_MESSAGE.matcher(text);
            if (sax.matches()) {
                return new MigrationFileException(
                        sax.group(3),
                        Integer.parseInt(sax.group(1)),
                        Integer.parseInt(sax.group(2)),
                        sax.group(4).strip(),
                        e);
            }
            Matcher syntax = YAML_MESSAGE.matcher(text);
            if (syntax.lookingAt()) {
                file = syntax.group(1);
            }
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                return new MigrationFileException(
                        file,
                        yaml.getProblemMark().getLine() + 1,
                        yaml.getProblemMark().getColumn() + 1,
                        (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem(),
                        e);
            }
            if (cause instanceof ClassNotFoundException) {
                String name = text.strip();
                return mention(root, master, name)
                        .error("a change in Java (class " + name + "), which plumb does not run: write it as SQL", e);
            }
            Matcher xsd = XSD_MESSAGE.matcher(text);
            if (xsd.find()) {
                String url = xsd.group(1);
                return mention(root, master, url)
                        .error(
                                "Liquibase resolves no XML schema \"" + url
                                        + "\": it reads only the schemas it ships (a"
                                        + " dbchangelog-N.xsd under http://www.liquibase.org/xml/ns/dbchangelog/), never the"
                                        + " network",
                                e);
            }
            Matcher missing = MISSING_MESSAGE.matcher(text);
            if (missing.lookingAt()) {
                String name = missing.group(1);
                return mention(root, master, name).error("Liquibase finds no file \"" + name + "\" to include", e);
            }
        }
        return new MigrationFileException(master, 1, 1, "Liquibase cannot read the changelog: " + message(e), e);
    }

    /** Where a changelog names a file, for an include Liquibase cannot find. */
    private record Mention(String file, int line, int column) {

        MigrationFileException error(String detail, Throwable cause) {
            return new MigrationFileException(file, line, column, detail, cause);
        }
    }

    /**
     * Finds the first changelog under the directory (the master first) whose text names a file, by its name, else by
     * its last path element; the master's first line when none does.
     */
    private static Mention mention(Path root, String master, String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        List<Path> candidates = new ArrayList<>(List.of(root.resolve(master)));
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> LiquibaseChangelog.SUFFIXES.stream()
                            .anyMatch(x -> p.toString().endsWith(x)))
                    .sorted()
                    .forEach(candidates::add);
        } catch (java.io.IOException e) {
            // The master alone is searched.
        }
        for (String wanted : name.equals(last) ? List.of(name) : List.of(name, last)) {
            for (Path candidate : candidates) {
                Optional<Mention> found = mention(root, candidate, wanted);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return new Mention(master, 1, 1);
    }

    private static Optional<Mention> mention(Path root, Path candidate, String wanted) {
        String text;
        try {
            text = Files.readString(candidate);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        int at = text.indexOf(wanted);
        if (at >= 0) {
            int line = 1
                    + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            int column = at - text.lastIndexOf('\n', at - 1);
            return Optional.of(new Mention(root.relativize(candidate).toString(), line, column));
        }
        return Optional.empty();
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null
                && root.getCause() != root
                && (root.getMessage() == null || root instanceof java.lang.reflect.InvocationTargetException)) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return text == null ? root.getClass().getSimpleName() : text.strip();
    }

    /**
     * Finds where a changelog file's changesets and changes are, for messages: the N-th changeset marker of the
     * file's text ({@code <changeSet}, {@code - changeSet:}, {@code "changeSet":}, {@code --changeset}) is its N-th
     * changeset, and a change is the first of its name after the changeset's marker that is not taken yet.
     */
    private static final class ChangesetPositions {

        private static final Pattern MARKER = Pattern.compile(
                "<changeSet\\b|-\\s*changeSet\\s*:|\"changeSet\"\\s*:|^--\\s*changeset\\s",
                Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

        private final String text;
        private final List<Integer> starts = new ArrayList<>();
        private final Map<String, Integer> taken = new HashMap<>();

        ChangesetPositions(String text) {
            this.text = text;
            Matcher m = MARKER.matcher(text);
            while (m.find()) {
                starts.add(m.start());
            }
        }

        int[] changeset(int index) {
            return index < starts.size() ? position(starts.get(index)) : new int[] {1, 1};
        }

        int[] change(int changeset, String name) {
            if (changeset >= starts.size()) {
                return new int[] {1, 1};
            }
            int from = starts.get(changeset);
            int to = changeset + 1 < starts.size() ? starts.get(changeset + 1) : text.length();
            String key = changeset + ":" + name;
            Matcher m = Pattern.compile("<" + Pattern.quote(name) + "\\b|\\b" + Pattern.quote(name) + "\"?\\s*:")
                    .matcher(text)
                    .region(taken.getOrDefault(key, from), to);
            if (!m.find()) {
                return position(from);
            }
            taken.put(key, m.end());
            int start = m.start() > 0 && text.charAt(m.start() - 1) == '"' ? m.start() - 1 : m.start();
            return position(start);
        }

        private int[] position(int offset) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new int[] {line, offset - lineStart + 1};
        }
    }
}
