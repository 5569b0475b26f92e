package io.plumb.engine.lint;

import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationScript;
import io.plumb.engine.migrate.ScannerOptions;
import io.plumb.engine.migrate.Statement;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code LintFile} is one new migration file as the analyzers see it: its text, its statements, what each
 * statement changed, and the schema before and after the file.
 *
 * <p>Spans say which objects the file created or dropped, so that analyzers leave alone what it creates and drops
 * again, and changes on what it created.
 */
public final class LintFile {

    private final MigrationFile file;
    private final List<Statement> statements;
    private List<Change> changes;
    private final Realm from;
    private final Realm to;
    private final String dialect;
    private final Map<String, Span> spans = new HashMap<>();

    /**
     * Creates a linted file.
     *
     * @param file the migration file
     * @param statements the statements of its migration part, as executed
     * @param changes what each statement changed, in order
     * @param from the realm before the file
     * @param to the realm after it
     * @param dialect the dev database's dialect name
     */
    public LintFile(
            MigrationFile file,
            List<Statement> statements,
            List<Change> changes,
            Realm from,
            Realm to,
            String dialect) {
        this.file = file;
        this.statements = List.copyOf(statements);
        this.changes = List.copyOf(changes);
        this.from = from;
        this.to = to;
        this.dialect = dialect;
        loadSpans();
    }

    /** Returns the migration file. */
    public MigrationFile file() {
        return file;
    }

    /** Returns the file's name, such as {@code 2_drop.sql}. */
    public String name() {
        return file.name();
    }

    /**
     * Returns the file's text as written, as reports show it: a Flyway file's placeholders stay, since their values
     * may be secrets.
     */
    public String text() {
        return file.rawText();
    }

    /** Returns the statements of the file's migration part, as executed. */
    public List<Statement> statements() {
        return statements;
    }

    /** Returns what each statement changed, in order. */
    public List<Change> changes() {
        return changes;
    }

    /** Returns the realm before the file. */
    public Realm from() {
        return from;
    }

    /** Returns the realm after the file. */
    public Realm to() {
        return to;
    }

    /**
     * Returns the transaction mode the file runs in by its own words: its {@code atlas:txmode}, or what its format
     * says instead ({@code -- +goose NO TRANSACTION}, dbmate's {@code transaction:false}, Liquibase's {@code
     * runInTransaction:false}, a Flyway file with {@code CREATE INDEX CONCURRENTLY} on PostgreSQL).
     */
    public Optional<String> txMode() {
        if (file.directives().txtar()) {
            return file.directives().txMode();
        }
        return MigrationScript.parse(file, ScannerOptions.forDialect(dialect))
                .directives()
                .txMode();
    }

    /** Returns the dev database's dialect name: {@code sqlite}, {@code postgres} or {@code mysql}. */
    public String dialect() {
        return dialect;
    }

    /** Returns the number of schema changes in the file, counted as the reference's summary counts them. */
    public int changeCount() {
        return changes.stream().mapToInt(Change::size).sum();
    }

    /** Returns the 1-based line of a byte offset in the file. */
    public int line(int pos) {
        return lineOf(file.content(), pos);
    }

    static int lineOf(byte[] content, int pos) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, content.length); i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Returns the byte offset of a statement's first character in the file. */
    public int pos(Statement statement) {
        return offset(file.text(), statement.line(), statement.column());
    }

    static int offset(String text, int line, int column) {
        int index = 0;
        for (int l = 1; l < line && index >= 0; l++) {
            index = text.indexOf('\n', index) + 1;
            if (index == 0) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        int end = Math.min(text.length(), index + Math.max(0, column - 1));
        return text.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
    }

    /** Returns the span of a schema in this file. */
    public Span schemaSpan(String schema) {
        return spans.getOrDefault(key(schema), Span.UNKNOWN);
    }

    /** Returns the span of a table in this file. */
    public Span tableSpan(String schema, String table) {
        return spans.getOrDefault(key(schema, table), Span.UNKNOWN);
    }

    /** Returns the span of a column in this file. */
    public Span columnSpan(String schema, String table, String column) {
        return spans.getOrDefault(key(schema, table, "column", column), Span.UNKNOWN);
    }

    /** Returns the span of an index in this file. */
    public Span indexSpan(String schema, String table, String index) {
        return spans.getOrDefault(key(schema, table, "index", index), Span.UNKNOWN);
    }

    /** Returns the span of a foreign key in this file. */
    public Span foreignKeySpan(String schema, String table, String foreignKey) {
        return spans.getOrDefault(key(schema, table, "fk", foreignKey), Span.UNKNOWN);
    }

    /**
     * Replaces the changes, for a pre-pass that folds several statements into one change (SQLite's table rebuild);
     * the spans are computed again.
     */
    void replaceChanges(List<Change> folded) {
        this.changes = List.copyOf(folded);
        spans.clear();
        loadSpans();
    }

    private void loadSpans() {
        for (Change change : changes) {
            for (SchemaChange c : change.changes()) {
                if (c instanceof SchemaChange.AddSchema add) {
                    spans.put(key(add.schema().name()), Span.UNKNOWN.add());
                } else if (c instanceof SchemaChange.DropSchema drop) {
                    spans.merge(key(drop.schema().name()), Span.UNKNOWN.drop(), (old, x) -> old.drop());
                } else if (c instanceof SchemaChange.AddTable add) {
                    addTable(add.schema(), add.table());
                } else if (c instanceof SchemaChange.DropTable drop) {
                    drop(key(drop.schema(), drop.table().name()));
                } else if (c instanceof SchemaChange.ModifyTable modify) {
                    modifyTable(modify.schema(), modify.to().name(), modify.changes());
                }
            }
            for (Rename rename : change.renames()) {
                if (rename instanceof Rename.TableRename table) {
                    // A renamed table keeps what the file knew of it under its new name.
                    Span span = tableSpan(table.schema(), table.from().name());
                    if (span.added()) {
                        addTable(table.schema(), table.to());
                    }
                } else if (rename instanceof Rename.ColumnRename column) {
                    String table = column.table().name();
                    if (columnSpan(column.schema(), table, column.from().name()).added()) {
                        spans.put(
                                key(
                                        column.schema(),
                                        table,
                                        "column",
                                        column.to().name()),
                                Span.UNKNOWN.add());
                    }
                }
            }
        }
    }

    private void addTable(String schema, Table table) {
        spans.put(key(schema, table.name()), Span.UNKNOWN.add());
        for (Column column : table.columns()) {
            spans.put(key(schema, table.name(), "column", column.name()), Span.UNKNOWN.add());
        }
        for (Index index : table.indexes()) {
            spans.put(key(schema, table.name(), "index", index.name()), Span.UNKNOWN.add());
        }
        for (ForeignKey fk : table.foreignKeys()) {
            spans.put(key(schema, table.name(), "fk", fk.name()), Span.UNKNOWN.add());
        }
    }

    private void modifyTable(String schema, String table, List<TableChange> tableChanges) {
        for (TableChange c : tableChanges) {
            if (c instanceof TableChange.AddColumn add) {
                spans.put(key(schema, table, "column", add.column().name()), Span.UNKNOWN.add());
            } else if (c instanceof TableChange.DropColumn drop) {
                drop(key(schema, table, "column", drop.column().name()));
            } else if (c instanceof TableChange.AddIndex add) {
                spans.put(key(schema, table, "index", add.index().name()), Span.UNKNOWN.add());
            } else if (c instanceof TableChange.DropIndex drop) {
                drop(key(schema, table, "index", drop.index().name()));
            } else if (c instanceof TableChange.AddForeignKey add) {
                spans.put(key(schema, table, "fk", add.foreignKey().name()), Span.UNKNOWN.add());
            } else if (c instanceof TableChange.DropForeignKey drop) {
                drop(key(schema, table, "fk", drop.foreignKey().name()));
            }
        }
    }

    private void drop(String key) {
        spans.merge(key, Span.UNKNOWN.drop(), (old, x) -> old.drop());
    }

    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }
}
