package io.plumb.engine.migrate;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code ApplyOptions} are the settings of a {@code migrate apply} run (reference 4.4, 4.5).
 *
 * @param baseline the version a database without revisions already has ({@code --baseline})
 * @param allowDirty whether a database without revisions may hold tables ({@code --allow-dirty})
 * @param execOrder what to do with files added before the last applied one
 * @param txMode how files are wrapped in transactions
 * @param dryRun print what would run without running it (checks still run)
 * @param amount the most files to apply; 0 for all
 * @param lockTimeout how long to wait for another run's lock
 * @param revisionsSchema the schema of the revisions table
 * @param operatorVersion what the revisions' {@code operator_version} says, such as {@code Plumb v0.1.0}
 * @param target the version to apply up to and including, which must be pending; empty for no such limit
 * @param locked whether the run takes the migration lock; only a database no one else can reach may go without
 */
public record ApplyOptions(
        Optional<String> baseline,
        boolean allowDirty,
        ExecOrder execOrder,
        TxMode txMode,
        boolean dryRun,
        int amount,
        Duration lockTimeout,
        Optional<String> revisionsSchema,
        String operatorVersion,
        Optional<String> target,
        boolean locked) {

    public ApplyOptions {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative, found " + amount);
        }
        if (baseline.isPresent() && allowDirty) {
            throw new IllegalArgumentException("--baseline and --allow-dirty are mutually exclusive");
        }
    }

    /** Creates options with no target version that take the migration lock, as {@code migrate apply} does. */
    public ApplyOptions(
            Optional<String> baseline,
            boolean allowDirty,
            ExecOrder execOrder,
            TxMode txMode,
            boolean dryRun,
            int amount,
            Duration lockTimeout,
            Optional<String> revisionsSchema,
            String operatorVersion) {
        this(
                baseline,
                allowDirty,
                execOrder,
                txMode,
                dryRun,
                amount,
                lockTimeout,
                revisionsSchema,
                operatorVersion,
                Optional.empty(),
                true);
    }

    /** Returns the defaults: linear order, a transaction per file, a 10 s lock timeout. */
    public static ApplyOptions defaults(String operatorVersion) {
        return new ApplyOptions(
                Optional.empty(),
                false,
                ExecOrder.LINEAR,
                TxMode.FILE,
                false,
                0,
                Duration.ofSeconds(10),
                Optional.empty(),
                operatorVersion);
    }

    /** Returns these options with a baseline version. */
    public ApplyOptions withBaseline(String version) {
        return new ApplyOptions(
                Optional.of(version),
                allowDirty,
                execOrder,
                txMode,
                dryRun,
                amount,
                lockTimeout,
                revisionsSchema,
                operatorVersion,
                target,
                locked);
    }

    /** Returns these options with another execution order. */
    public ApplyOptions withExecOrder(ExecOrder order) {
        return new ApplyOptions(
                baseline,
                allowDirty,
                order,
                txMode,
                dryRun,
                amount,
                lockTimeout,
                revisionsSchema,
                operatorVersion,
                target,
                locked);
    }

    /** Returns these options with another transaction mode. */
    public ApplyOptions withTxMode(TxMode mode) {
        return new ApplyOptions(
                baseline,
                allowDirty,
                execOrder,
                mode,
                dryRun,
                amount,
                lockTimeout,
                revisionsSchema,
                operatorVersion,
                target,
                locked);
    }

    /** Returns these options for a dry run. */
    public ApplyOptions asDryRun() {
        return new ApplyOptions(
                baseline,
                allowDirty,
                execOrder,
                txMode,
                true,
                amount,
                lockTimeout,
                revisionsSchema,
                operatorVersion,
                target,
                locked);
    }

    /** Returns these options with another amount (0 for all). */
    public ApplyOptions withAmount(int files) {
        return new ApplyOptions(
                baseline,
                allowDirty,
                execOrder,
                txMode,
                dryRun,
                files,
                lockTimeout,
                revisionsSchema,
                operatorVersion,
                target,
                locked);
    }

    /** Returns these options with another lock timeout. */
    public ApplyOptions withLockTimeout(Duration timeout) {
        return new ApplyOptions(
                baseline,
                allowDirty,
                execOrder,
                txMode,
                dryRun,
                amount,
                timeout,
                revisionsSchema,
                operatorVersion,
                target,
                locked);
    }

    /** Returns these options with the revisions table in another schema, or the default one. */
    public ApplyOptions withRevisionsSchema(Optional<String> schema) {
        return new ApplyOptions(
                baseline,
                allowDirty,
                execOrder,
                txMode,
                dryRun,
                amount,
                lockTimeout,
                schema,
                operatorVersion,
                target,
                locked);
    }

    /**
     * Returns these options applying the pending files up to and including a version, and refusing the run when
     * that version is not pending. With an amount as well, the run stops at whichever comes first.
     */
    public ApplyOptions withTarget(String version) {
        return new ApplyOptions(
                baseline,
                allowDirty,
                execOrder,
                txMode,
                dryRun,
                amount,
                lockTimeout,
                revisionsSchema,
                operatorVersion,
                Optional.of(version),
                locked);
    }

    /**
     * Returns these options without the migration lock, for a database that no other process or thread can reach,
     * such as a migration test's private dev database: the lock serialises runs that share a database, and taking
     * it costs a lock file in the temporary directory per database.
     */
    public ApplyOptions withoutLock() {
        return new ApplyOptions(
                baseline,
                allowDirty,
                execOrder,
                txMode,
                dryRun,
                amount,
                lockTimeout,
                revisionsSchema,
                operatorVersion,
                target,
                false);
    }
}
