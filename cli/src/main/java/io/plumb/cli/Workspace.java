package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.diff.ExcludeFilter;
import io.plumb.engine.migrate.RevisionStore;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.source.SourceLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Workspace} is the engine as one schema command uses it: the databases it opened (closed with it), the
 * loader of desired states, and the differ under the selected policy.
 */
final class Workspace implements AutoCloseable {

    private final CliEnvironment cli;
    private final ProjectSelection selection;
    private final List<Database> opened = new ArrayList<>();

    Workspace(CliEnvironment cli, ProjectSelection selection) {
        this.cli = cli;
        this.selection = selection;
    }

    /** Opens a database; it is closed with the workspace. */
    Database open(String url) {
        Database database = Database.open(url, cli.workingDirectory());
        opened.add(database);
        return database;
    }

    /** Opens the dev database when a URL is given. */
    @Nullable
    Database openDev(Optional<String> url) {
        return url.map(this::open).orElse(null);
    }

    /** Returns a loader of desired states with the selection's input variables. */
    SourceLoader loader() {
        return new SourceLoader(cli.workingDirectory(), selection.schemaVariables(), ProjectSelection.getenv(cli));
    }

    /**
     * Returns the realm after printing, on standard error, the warning about what its inspection left out (kinds
     * the model does not hold), if anything: nothing is ever left out without a word.
     */
    Realm warnUnsupported(Realm realm) {
        realm.unsupportedWarning().ifPresent(warning -> cli.err().println(warning));
        return realm;
    }

    /** Removes the objects the patterns exclude. */
    static Realm exclude(Realm realm, List<String> patterns, boolean schemaBound) {
        return patterns.isEmpty() ? realm : ExcludeFilter.apply(realm, patterns, schemaBound);
    }

    /**
     * Removes the revisions table of versioned migrations: a declarative command must never plan to change or drop
     * the history of a database that also uses {@code migrate apply}.
     */
    static Realm withoutRevisionsTable(Realm realm) {
        return realm.withSchemas(realm.schemas().stream()
                .map(schema -> schema.withTables(schema.tables().stream()
                        .filter(table -> !table.name().equals(RevisionStore.TABLE))
                        .toList()))
                .toList());
    }

    /** Returns the changes from one realm to another, under the selected diff policy. */
    List<SchemaChange> diff(Realm from, Realm to, Dialect dialect) {
        return new Differ().diff(from, to, new DiffOptions(dialect.normalizer(), selection.diffPolicy()));
    }

    @Override
    public void close() {
        opened.forEach(Database::close);
    }
}
