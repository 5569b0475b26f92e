package io.plumb.engine.testing;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code MigrationTargets} finds the versions that a test file's migration-test cases migrate an empty database to:
 * the targets of the {@code migrate} commands a case runs before anything but {@code log} and {@code cleanup}
 * changes its database. Those are the versions whose snapshots a run can use; migration tests keep (and cache) the
 * snapshots of these only, rather than of every version they pass.
 *
 * <p>It reads what the runner will run, evaluated against the dev URL as the runner's own preview is. A case that
 * does not evaluate, or is skipped, names no target; a target the scan misses (a case whose {@code to} depends on
 * its database's URL) is still built when its case runs, from the nearest lower snapshot.
 */
final class MigrationTargets {

    private MigrationTargets() {}

    /** Returns the versions the file's migration-test cases migrate to from an empty database. */
    static Set<String> of(TestFile file, String devUrl) {
        Set<String> targets = new LinkedHashSet<>();
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
    private static void addPristineTargets(TestCase testCase, Set<String> targets) {
        for (Command command : testCase.commands()) {
            if (command instanceof Command.Migrate migrate) {
                targets.add(migrate.to());
            } else if (!(command instanceof Command.Log) && !(command instanceof Command.Cleanup)) {
                return;
            }
        }
    }
}
