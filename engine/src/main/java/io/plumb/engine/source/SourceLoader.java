package io.plumb.engine.source;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.devdb.DevDatabase;
import io.plumb.engine.devdb.ServerObjects;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.ScanException;
import io.plumb.engine.migrate.ScannerOptions;
import io.plumb.engine.migrate.Statement;
import io.plumb.engine.migrate.StatementScanner;
import io.plumb.engine.migrate.SumFile;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.plan.StatementException;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SourceLoader} loads a desired state, given as {@code --to}/{@code --from} values, into a realm.
 *
 * <p>A source is a database URL (inspected), or a file or directory, as a {@code file://} URL or a plain path:
 * HCL files are evaluated together, so that they may refer to each other; SQL files are executed on the dev
 * database in name order and the result inspected. When a dev database is given, an HCL state is normalised
 * through it too (created there and inspected back), so that it compares with an inspected database exactly.
 */
public final class SourceLoader {

    // How the unsupported-objects warning names a statement a MySQL executable comment holds.
    private static final String EXECUTABLE_COMMENT = "/*!...*/ statement";

    /**
     * A MySQL executable comment ({@code /*!50001 CREATE VIEW ...}, how {@code mysqldump} writes views, triggers and
     * routines) standing where a statement would is a comment to the statement scanner, as to the reference tool's:
     * it is not run, so the object it creates is not in the desired state. One that creates or alters something is
     * counted, so that the loss is reported rather than silent; one inside a statement is sent with it and run.
     */
    private static final Pattern HIDDEN_DDL = Pattern.compile("(?i)/\\*!\\d*\\s*(?:CREATE|ALTER)\\b");

    private static final Pattern USE = Pattern.compile(
            "(?is)(?:\\s*(?:--[^\\n]*\\n|#[^\\n]*\\n|/\\*.*?\\*/))*\\s*(USE)\\s+(`(?:[^`]|``)+`|[^\\s;`]+)\\s*;?\\s*");

    private final Path workingDirectory;
    private final Map<String, Value> variables;
    private final Function<String, @Nullable String> getenv;

    /**
     * Creates a loader.
     *
     * @param workingDirectory the directory relative paths resolve against
     * @param variables input variables for HCL files ({@code --var})
     * @param getenv the environment, for HCL's {@code getenv}
     */
    public SourceLoader(
            Path workingDirectory, Map<String, Value> variables, Function<String, @Nullable String> getenv) {
        this.workingDirectory = workingDirectory;
        this.variables = Map.copyOf(variables);
        this.getenv = getenv;
    }

    /**
     * Loads the sources into one realm in the given dialect.
     *
     * @param dev the dev database, required for SQL sources; may be {@code null} otherwise
     * @throws SourceException when a source is missing, mixes kinds or cannot be loaded
     */
    public Realm load(List<String> sources, Dialect dialect, @Nullable Database dev) {
        return load(sources, dialect, dev, new Realm(List.of()));
    }

    /**
     * Loads the sources as {@link #load(List, Dialect, Database)} does; the foreign keys of HCL sources may reference
     * the tables of {@code known} too (a {@code composite_schema}'s earlier members).
     */
    Realm load(List<String> sources, Dialect dialect, @Nullable Database dev, Realm known) {
        if (sources.isEmpty()) {
            throw new SourceException("no desired state given: expected a file, a directory or a database URL");
        }
        SourceSchemes.check(sources);
        if (sources.size() == 1 && CompositeSchemaUrl.matches(sources.get(0))) {
            // A project's data "composite_schema": its members loaded in order on the dev database, so that one may
            // use what an earlier one defines; without a dev database (HCL members only), each read on its own.
            CompositeSchemaUrl composite = CompositeSchemaUrl.parse(sources.get(0));
            return dev == null
                    ? CompositeSchemas.merge(
                            composite, (member, before) -> load(List.of(member), dialect, null, before))
                    : CompositeAssembly.assemble(composite, dev, this, dialect);
        }
        if (sources.size() == 1 && isDatabaseUrl(sources.get(0))) {
            try (Database db = Database.open(sources.get(0), workingDirectory)) {
                return db.inspect(List.of());
            }
        }
        if (sources.size() == 1 && (isFormattedDir(sources.get(0)) || isMigrationDir(sources.get(0)))) {
            return loadMigrationDir(sources.get(0), requireDev(dev, "Migration directories"));
        }
        List<SourceFile> files = new ArrayList<>();
        Map<String, Value> evaluated = new LinkedHashMap<>(variables);
        for (String source : sources) {
            if (HclSchemaUrl.matches(source)) {
                // A project's data "hcl_schema": its files, evaluated with its own vars.
                HclSchemaUrl data = HclSchemaUrl.parse(source);
                for (Path path : data.paths()) {
                    files.addAll(files(path.toString()));
                }
                data.vars().forEach((key, value) -> evaluated.put(key, new Value.Str(value)));
                continue;
            }
            if (isDatabaseUrl(source)) {
                throw new SourceException(
                        "cannot mix the database " + DatabaseUrl.redactUrl(source) + " with other sources");
            }
            files.addAll(files(source));
        }
        boolean sql = files.stream().anyMatch(SourceFile::isSql);
        boolean hcl = files.stream().anyMatch(f -> !f.isSql());
        if (sql && hcl) {
            throw new SourceException(
                    "cannot mix HCL and SQL files in one desired state: " + String.join(", ", sources));
        }
        if (sql) {
            return loadSql(files, requireDev(dev, "SQL schema files"));
        }
        Document document = HclSources.evaluate(files, evaluated, getenv);
        Realm realm = dialect.spec().read(document, known);
        try {
            return dev == null ? realm : normalize(realm, dev);
        } catch (DevLoadException e) {
            throw HclBlocks.locate(document, e);
        }
    }

    /**
     * Returns the failure with the position of the HCL block that declares the refused object in front, when the
     * sources are HCL files and one block does: for a desired state loaded without a dev database and normalised
     * after ({@link #normalize(Realm, Database, Realm)}). The files are read again, on this error path only.
     */
    public DevLoadException locate(List<String> sources, DevLoadException e) {
        try {
            List<SourceFile> files = new ArrayList<>();
            for (String source : sources) {
                files.addAll(files(source));
            }
            if (files.isEmpty() || files.stream().anyMatch(SourceFile::isSql)) {
                return e;
            }
            return HclBlocks.locate(HclSources.evaluate(files, variables, getenv), e);
        } catch (RuntimeException unreadable) {
            // The sources read a moment ago: whatever fails now only costs the position.
            return e;
        }
    }

    /** Returns whether the value is a database URL rather than a file or directory. */
    public static boolean isDatabaseUrl(String source) {
        int scheme = source.indexOf("://");
        return scheme > 0
                && !source.startsWith("file://")
                && !HclSchemaUrl.matches(source)
                && !CompositeSchemaUrl.matches(source);
    }

    /**
     * Returns whether a source is a migration directory URL naming its format ({@code file://db?format=goose}),
     * which is replayed in that format's order and up sections, as the reference does, rather than read as a
     * directory of schema files (goose's down sections would run, and {@code 10_x} before {@code 9_x}).
     */
    private static boolean isFormattedDir(String source) {
        int query = source.indexOf('?');
        return source.startsWith("file://")
                && query >= 0
                && Stream.of(source.substring(query + 1).split("&"))
                        .anyMatch(p -> p.startsWith("format=") || p.startsWith("version="));
    }

    /**
     * Returns whether a directory is a migration directory by the reference's rule: it holds an {@code atlas.sum}, or
     * it is named {@code migrations}. Such a directory is replayed as {@code migrate apply} runs it on a new database
     * (from its last checkpoint, its sum checked), not read as schema files.
     */
    private boolean isMigrationDir(String source) {
        if (isDatabaseUrl(source) || HclSchemaUrl.matches(source) || CompositeSchemaUrl.matches(source)) {
            return false;
        }
        String path = source.startsWith("file://") ? source.substring("file://".length()) : source;
        int query = path.indexOf('?');
        Path resolved = workingDirectory
                .resolve(query >= 0 ? path.substring(0, query) : path)
                .normalize();
        Path name = resolved.getFileName();
        return Files.isDirectory(resolved)
                && (Files.isRegularFile(resolved.resolve(SumFile.FILE_NAME))
                        || (name != null && name.toString().equals("migrations")));
    }

    /**
     * Replays a migration directory: every file, or with {@code version=V} in the URL the files up to and including
     * version V, as the reference replays a directory to a version ({@code file://migrations?version=2}).
     */
    private Realm loadMigrationDir(String source, Database dev) {
        Optional<String> version = Optional.empty();
        String url = source;
        int query = source.indexOf('?');
        if (query >= 0) {
            List<String> kept = new ArrayList<>();
            for (String parameter : source.substring(query + 1).split("&")) {
                if (parameter.startsWith("version=")) {
                    version = Optional.of(parameter.substring("version=".length()));
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
            url = source.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        }
        MigrationDir dir = MigrationDir.open(url, workingDirectory);
        List<MigrationFile> files = dir.readSum().isPresent() ? dir.validate() : dir.files();
        if (files.isEmpty()) {
            throw new SourceException("migration directory " + dir.display() + " has no migration files");
        }
        if (version.isPresent()) {
            String last = version.get();
            int end = -1;
            for (int i = 0; i < files.size() && end < 0; i++) {
                if (files.get(i).version().equals(last)) {
                    end = i;
                }
            }
            if (end < 0) {
                throw new SourceException("migration with version \"" + last + "\" not found in " + dir.display());
            }
            files = files.subList(0, end + 1);
        }
        return DirReplay.replay(dev, files);
    }

    private List<SourceFile> files(String source) {
        String path = source.startsWith("file://") ? source.substring("file://".length()) : source;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path resolved = workingDirectory.resolve(path).normalize();
        String shown = path;
        if (Files.isDirectory(resolved)) {
            try (Stream<Path> entries = Files.list(resolved)) {
                List<SourceFile> files = entries.filter(SourceLoader::isSchemaFile)
                        .sorted()
                        .map(p -> new SourceFile(p, display(shown, p)))
                        .toList();
                if (files.isEmpty()) {
                    throw new SourceException("directory " + path + " has no .hcl or .sql files");
                }
                return files;
            } catch (IOException e) {
                throw new SourceException("reading directory " + path + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(resolved)) {
            throw new SourceException("file " + path + " does not exist");
        }
        if (!isSchemaFile(resolved)) {
            throw new SourceException("file " + path + " is neither an HCL (.hcl) nor an SQL (.sql) file");
        }
        return List.of(new SourceFile(resolved, path));
    }

    private static String display(String dir, Path file) {
        return (dir.endsWith("/") ? dir : dir + "/") + file.getFileName();
    }

    private static boolean isSchemaFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".hcl") || name.endsWith(".sql");
    }

    private static Database requireDev(@Nullable Database dev, String what) {
        if (dev == null) {
            throw new SourceException(what + " need a dev database: set --dev-url, such as sqlite://dev?mode=memory");
        }
        return dev;
    }

    private Realm loadSql(List<SourceFile> files, Database dev) {
        // What the files create on the server (a database, a role) is dropped once the state is read.
        ServerObjects created = ServerObjects.on(dev);
        return DevDatabase.use(dev, created, () -> {
            int hidden = executeSql(files, dev, created);
            dev.resetSession();
            Realm realm = dev.inspect(List.of());
            if (hidden == 0) {
                return realm;
            }
            Map<String, Integer> unsupported = new HashMap<>(realm.unsupported());
            unsupported.merge(EXECUTABLE_COMMENT, hidden, Integer::sum);
            return new Realm(realm.schemas(), realm.objects(), unsupported);
        });
    }

    private static int hiddenStatements(Database dev, String text, List<Statement> statements) {
        if (!dev.dialect().name().equals("mysql")) {
            return 0;
        }
        long inStatements = statements.stream()
                .mapToLong(sql -> HIDDEN_DDL.matcher(sql.text()).results().count())
                .sum();
        return (int) (HIDDEN_DDL.matcher(text).results().count() - inStatements);
    }

    /**
     * Returns the SQL files a source names, when it is a file or directory of SQL files only; empty for a database
     * URL, a data source's URL, or HCL files.
     */
    Optional<List<SourceFile>> sqlFiles(String source) {
        if (isDatabaseUrl(source)
                || HclSchemaUrl.matches(source)
                || CompositeSchemaUrl.matches(source)
                || isFormattedDir(source)
                || isMigrationDir(source)) {
            return Optional.empty();
        }
        List<SourceFile> files = files(source);
        return files.stream().allMatch(SourceFile::isSql) ? Optional.of(files) : Optional.empty();
    }

    /**
     * Executes SQL files on the dev database, in order, each after the files it imports ({@link SqlImports}), as they
     * are (no cleaning before or after), noting the server
     * objects they create in {@code created} for the caller to drop; returns how many statements MySQL executable
     * comments held that were not run ({@link #HIDDEN_DDL}).
     */
    int executeSql(List<SourceFile> files, Database dev, ServerObjects created) {
        int hidden = 0;
        for (SourceFile file : SqlImports.expand(files)) {
            String text = HclSources.read(file.path(), file.display());
            List<Statement> statements = statements(file.display(), text, dev);
            hidden += hiddenStatements(dev, text, statements);
            execute(dev, created, file.display(), statements);
        }
        return hidden;
    }

    private static void execute(Database dev, ServerObjects created, String file, List<Statement> statements) {
        for (Statement sql : statements) {
            requireSameSchema(dev, file, sql);
            try {
                created.execute(sql.text());
            } catch (SQLException e) {
                throw new SourceException(
                        file + ":" + sql.line() + ":" + sql.column() + ": executing statement \"" + sql.text() + "\": "
                                + SqlErrors.message(e),
                        e);
            }
        }
    }

    /**
     * Refuses a MySQL {@code USE other} in a desired state loaded on a dev database bound to a schema: what follows
     * would be created in {@code other}, which the inspection of the bound schema never sees, and so would be lost
     * without a word (a dump that starts {@code CREATE DATABASE app; USE app;}).
     */
    private static void requireSameSchema(Database dev, String file, Statement sql) {
        Optional<String> bound = dev.boundSchema();
        if (!dev.dialect().name().equals("mysql") || bound.isEmpty()) {
            return;
        }
        Matcher use = USE.matcher(sql.text());
        if (!use.matches()) {
            return;
        }
        String name = use.group(2);
        if (name.length() > 1 && name.startsWith("`") && name.endsWith("`")) {
            name = name.substring(1, name.length() - 1).replace("``", "`");
        }
        if (!name.equals(bound.get())) {
            // The statement's text may start with the comments above it: point at the USE itself.
            String before = sql.text().substring(0, use.start(1));
            int newlines = (int) before.chars().filter(c -> c == '\n').count();
            int line = sql.line() + newlines;
            int column = newlines == 0 ? sql.column() + before.length() : before.length() - before.lastIndexOf('\n');
            throw new SourceException(file + ":" + line + ":" + column + ": \"USE " + use.group(2)
                    + "\" switches to the schema \"" + name + "\", but the dev database is bound to \"" + bound.get()
                    + "\": what follows would be left out of the desired state; remove the statement, or use a dev URL"
                    + " bound to no schema (the schemas are then the ones the file creates)");
        }
    }

    private static List<Statement> statements(String display, String text, Database dev) {
        try {
            return StatementScanner.scan(
                    text, ScannerOptions.forDialect(dev.dialect().name()));
        } catch (ScanException e) {
            throw new SourceException(display + ":" + e.getMessage(), e);
        }
    }

    /**
     * Creates the realm on the dev database and inspects it back, so that it compares with inspected ones. A dev
     * database bound to a schema holds a one-schema realm whatever the schema's name (a MySQL dev URL names a
     * schema of its own, as isolated test databases do): the schema is created there under the bound name and
     * comes back under its own.
     */
    public static Realm normalize(Realm realm, Database dev) {
        return normalize(realm, dev, new Realm(List.of()));
    }

    /**
     * Normalises the realm as {@link #normalize(Realm, Database)} does, with the prerequisites created on the dev
     * database first (objects the realm uses and does not declare, see {@link UndeclaredKinds}) and left out of the
     * result. A prerequisite the database refuses before the realm's tables exist (an SQL function reading one) is
     * skipped: it was only there to be used.
     */
    public static Realm normalize(Realm realm, Database dev, Realm prerequisites) {
        Optional<String> bound = dev.boundSchema();
        if (bound.isPresent()
                && realm.schemas().size() == 1
                && !realm.schemas().get(0).name().equals(bound.get())) {
            String name = realm.schemas().get(0).name();
            Realm normalized = normalize(realm.withOnlySchemaRenamed(bound.get()), dev, prerequisites);
            return normalized.schemas().size() == 1 ? normalized.withOnlySchemaRenamed(name) : normalized;
        }
        // On a PostgreSQL dev database bound to no schema, each table and type goes into its own schema, which is
        // created first: unqualified, all of them would land in the first schema of the search_path.
        boolean unbound = bound.isEmpty() && dev.dialect().name().equals("postgres");
        return DevDatabase.use(dev, () -> {
            createPrerequisites(dev, prerequisites);
            if (unbound) {
                createSchemas(dev, realm);
            }
            List<SchemaChange> changes = SchemaChange.createAll(realm);
            PlanOptions options = unbound ? new PlanOptions(true, "") : PlanOptions.defaults();
            Plan plan = dev.dialect().planner().plan(changes, options);
            try {
                PlanExecutor.execute(dev.connection(), plan);
            } catch (StatementException e) {
                throw plan.changes().stream()
                        .filter(change -> change.sql().trim().equals(e.statement()))
                        .findFirst()
                        .<RuntimeException>map(change -> new DevLoadException(change, e))
                        .orElse(e);
            }
            return withoutPrerequisites(
                    dev.inspect(realm.schemas().stream().map(s -> s.name()).toList()), prerequisites);
        });
    }

    private static void createSchemas(Database dev, Realm realm) {
        for (io.plumb.engine.schema.Schema schema : realm.schemas()) {
            try (java.sql.Statement statement = dev.connection().createStatement()) {
                statement.execute(
                        "CREATE SCHEMA IF NOT EXISTS \"" + schema.name().replace("\"", "\"\"") + "\"");
            } catch (SQLException e) {
                throw new SourceException(
                        "creating the schema \"" + schema.name() + "\" on the dev database: " + SqlErrors.message(e),
                        e);
            }
        }
    }

    private static void createPrerequisites(Database dev, Realm prerequisites) {
        List<SchemaChange> changes = SchemaChange.createAll(prerequisites);
        if (changes.isEmpty()) {
            return;
        }
        for (PlannedChange change :
                dev.dialect().planner().plan(changes, PlanOptions.defaults()).changes()) {
            try (java.sql.Statement statement = dev.connection().createStatement()) {
                statement.execute(change.sql());
            } catch (SQLException e) {
                // Skipped: see normalize.
            }
        }
    }

    private static Realm withoutPrerequisites(Realm normalized, Realm prerequisites) {
        Set<List<String>> created = new HashSet<>();
        prerequisites.objects().forEach(o -> created.add(List.of("", o.kind().name(), o.name())));
        prerequisites.schemas().forEach(s -> s.objects()
                .forEach(o -> created.add(List.of(s.name(), o.kind().name(), o.name()))));
        if (created.isEmpty()) {
            return normalized;
        }
        return new Realm(
                normalized.schemas().stream()
                        .map(s -> s.withObjects(s.objects().stream()
                                .filter(o -> !created.contains(
                                        List.of(s.name(), o.kind().name(), o.name())))
                                .toList()))
                        .toList(),
                normalized.objects().stream()
                        .filter(o -> !created.contains(List.of("", o.kind().name(), o.name())))
                        .toList(),
                normalized.unsupported());
    }

    /** A schema file with the name it is shown by in messages. */
    record SourceFile(Path path, String display) {
        boolean isSql() {
            return path.getFileName().toString().endsWith(".sql");
        }
    }
}
