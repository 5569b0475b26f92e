package io.plumb.engine.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code MigrationTargets} finds the versions that a test file's migration-test cases migrate an empty database to:
 * the targets of the {@code migrate} commands a case runs before anything but {@code log} and {@code cleanup}
 * changes its database. Those are the versions whose snapshots a run can use; migration tests keep (and cache) the
 * snapshots of these only, rather than of every version they pass.
 *
 * <p>It reads what the runner will run, evaluated against the dev URL as the runner's own preview is. A case that
 * does not evaluate, or is skipped, names no target; a target the scan misses (a case whose {@code to} depends on
 * its database's URL) is still built when its case runs, from the nearest lower snapshot.
 *
 * <p>The versions come in the order the cases will ask for them, once for each time one does, so that a runner can
 * get the next case's database ready while the one before runs.
 */
final class MigrationTargets {

    private MigrationTargets() {}

    /**
     * Returns the versions the file's migration-test cases migrate to from an empty database, in the order of the
     * cases and their commands, with a version as many times as cases migrate to it.
     */
    static List<String> of(TestFile file, String devUrl) {
        List<String> targets = new ArrayList<>();
        for (TestBlock block : file.tests()) {
            if (block.kind() != TestKind.MIGRATE) {
                continue;
            }
            for (TestBlock.CaseRef ref : block.cases()) {
                TestCase testCase;
                try {
                    testCase = block.evaluate(ref, devUrl);
                } catch (RuntimeException e) {
                    // The case fails when it runs, with this error at its position; planning only skips it.
                    continue;
                }
                if (!testCase.skip()) {
                    addPristineTargets(testCase, targets);
                }
            }
        }
        return targets;
    }

    // Mirrors CaseRun: a database stays pristine until a command other than migrate, log or cleanup runs.
    private static void addPristineTargets(TestCase testCase, List<String> targets) {
        for (Command command : testCase.commands()) {
            if (command instanceof Command.Migrate migrate) {
                targets.add(migrate.to());
            } else if (!(command instanceof Command.Log) && !(command instanceof Command.Cleanup)) {
                return;
            }
        }
    }
}
