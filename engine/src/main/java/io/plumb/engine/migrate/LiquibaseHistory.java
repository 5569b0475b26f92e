package io.plumb.engine.migrate;

import java.util.List;
import liquibase.Scope;
import liquibase.changelog.AbstractChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;

/**
 * A {@code LiquibaseHistory} answers Liquibase's questions about the changesets a database ran ({@code
 * changeSetExecuted} preconditions) while {@link LiquibaseRun} checks a changeset's preconditions: Plumb keeps no
 * {@code DATABASECHANGELOG} table, and applies a changelog in order, so the changesets that ran are those the changelog
 * holds before the one being checked. Liquibase creates an instance per database; it serves only inside the scope that
 * holds the list ({@link #RAN}).
 */
public final class LiquibaseHistory extends AbstractChangeLogHistoryService {

    /** The scope attribute holding the {@code List<RanChangeSet>} that ran. */
    static final String RAN = "plumb.liquibase.ran";

    /** The factories that know the service: Liquibase keeps one per root scope, which may be one per thread. */
    private static final java.util.Set<ChangeLogHistoryServiceFactory> REGISTERED =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /** Liquibase instantiates its history services by reflection. */
    public LiquibaseHistory() {}

    /**
     * Makes the service one the current scope's Liquibase picks, once per factory: it picks it only inside a scope
     * holding {@link #RAN}.
     */
    static synchronized void register() {
        ChangeLogHistoryServiceFactory factory = ChangeLogHistoryServiceFactory.getInstance();
        if (REGISTERED.add(factory)) {
            factory.register(new LiquibaseHistory());
        }
    }

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE * 10;
    }

    @Override
    public boolean supports(Database database) {
        return Scope.getCurrentScope().get(RAN, List.class) != null;
    }

    @Override
    public void init() {}

    @Override
    @SuppressWarnings("unchecked")
    public List<RanChangeSet> getRanChangeSets() {
        List<RanChangeSet> ran = Scope.getCurrentScope().get(RAN, List.class);
        return ran == null ? List.of() : List.copyOf(ran);
    }

    @Override
    public void setExecType(ChangeSet changeSet, ChangeSet.ExecType execType) {}

    @Override
    public void removeFromHistory(ChangeSet changeSet) {}

    @Override
    public int getNextSequenceValue() {
        return 1;
    }

    @Override
    public void tag(String tagString) {}

    @Override
    public boolean tagExists(String tag) {
        return false;
    }

    @Override
    public void clearAllCheckSums() {}

    @Override
    public void destroy() {}

    @Override
    public boolean isDatabaseChecksumsCompatible() {
        return true;
    }
}
