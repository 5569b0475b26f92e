package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code InFlight} marker is what a revision says about a statement that cannot share a transaction with its
 * revision write, written before the statement runs: the statement goes in {@code error_stmt}, and {@code error}
 * says it was running, with the {@link SchemaFingerprint} from before it when the statement's effect shows in one.
 * The reference tool reads such a row as a statement that failed, and would run it again.
 *
 * <p>A resumed run {@link #resolve resolves} the marker before anything runs: an unchanged fingerprint means the
 * statement did not take effect and runs again; a changed one means it did, and the run goes on after it; without a
 * fingerprint the run is refused.
 *
 * @param statement the 1-based number of the statement in its file
 * @param fingerprint the fingerprint from before the statement; empty when its effect cannot be verified
 */
record InFlight(int statement, Optional<String> fingerprint) {

    private static final Pattern MARKER = Pattern.compile(
            "statement (\\d+) was running when migrate apply stopped \\(in flight; (?:schema fingerprint (h1:\\S+)"
                    + "|not verifiable)\\)");

    /** Returns the text of the {@code error} column. */
    String render() {
        return "statement " + statement + " was running when migrate apply stopped (in flight; "
                + fingerprint.map(f -> "schema fingerprint " + f).orElse("not verifiable") + ")";
    }

    /** Returns the marker a revision's error holds, if it holds one. */
    static Optional<InFlight> of(Revision revision) {
        if (revision.error().isEmpty()) {
            return Optional.empty();
        }
        Matcher m = MARKER.matcher(revision.error().get());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new InFlight(Integer.parseInt(m.group(1)), Optional.ofNullable(m.group(2))));
    }

    /**
     * Returns the revision a resumed run starts from: the same when the marked statement did not take effect (it
     * runs again), one statement further when it did.
     *
     * @throws MigrateException {@code FILE:LINE:COL: ...} when whether it took effect cannot be told
     */
    static Revision resolve(Database db, MigrationScript script, Revision revision) {
        Optional<InFlight> marker = of(revision);
        if (marker.isEmpty() || revision.applied() >= script.statements().size()) {
            return revision;
        }
        Statement statement = script.statements().get(revision.applied());
        String version = script.file().version();
        if (marker.get().fingerprint().isEmpty()) {
            throw refusal(script, statement, "whether it took effect cannot be told from the database");
        }
        try {
            String now = SchemaFingerprint.of(db);
            if (now.equals(marker.get().fingerprint().get())) {
                return revision.withoutError();
            }
            List<String> invalid = SchemaFingerprint.invalidIndexes(db);
            if (!invalid.isEmpty()) {
                String names = String.join(", ", invalid);
                throw new MigrateException(stopped(script, statement) + ", which left the invalid index "
                        + names + " behind: drop it (DROP INDEX CONCURRENTLY " + names + ") and run migrate apply"
                        + " again to run the statement again, or finish version " + version + " by hand and record"
                        + " it with \"migrate set " + version + "\"");
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    script.position(statement) + ": reading the schema to resume statement \"" + statement.text()
                            + "\" of version \"" + version + "\": " + Migrator.message(e),
                    e);
        }
        List<String> hashes = PartialHashes.of(script.statements(), revision.applied() + 1);
        return revision.withoutError().withStatementApplied(hashes.get(hashes.size() - 1), revision.executionTime());
    }

    private static MigrateException refusal(MigrationScript script, Statement statement, String why) {
        String version = script.file().version();
        return new MigrateException(stopped(script, statement) + ", and " + why + ". Check the database by"
                + " hand; finish version " + version + " there (this statement if it did not take effect, and the"
                + " statements after it), then record it with \"migrate set " + version + "\"");
    }

    private static String stopped(MigrationScript script, Statement statement) {
        return script.position(statement) + ": migrate apply stopped while running statement \"" + statement.text()
                + "\" of version \"" + script.file().version() + "\"";
    }
}
