package io.plumb.engine.migrate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Revision} is one row of {@code atlas_schema_revisions}: what a database knows about one migration file
 * it applied, started, or was told about (reference 4.3).
 *
 * @param version the file's version
 * @param description the file's description
 * @param type bit flags: {@link #BASELINE}, {@link #EXECUTED}, {@link #RESOLVED}
 * @param applied how many of the file's statements succeeded
 * @param total how many statements the file has
 * @param executedAt when the file's execution started
 * @param executionTime how long it ran
 * @param error the last error, if the last attempt failed
 * @param errorStatement the statement that failed
 * @param hash the file's {@code atlas.sum} hash, base64 without {@code h1:}
 * @param partialHashes for a partly applied file, the running hash after each applied statement
 * @param operatorVersion the tool that wrote the row
 */
public record Revision(
        String version,
        String description,
        int type,
        int applied,
        int total,
        Instant executedAt,
        Duration executionTime,
        Optional<String> error,
        Optional<String> errorStatement,
        String hash,
        List<String> partialHashes,
        String operatorVersion) {

    /** The revision marks a baseline: the database already had the file's schema. */
    public static final int BASELINE = 1;

    /** The file was executed by the migrator. */
    public static final int EXECUTED = 2;

    /** The revision was set by hand ({@code migrate set}). */
    public static final int RESOLVED = 4;

    /** The version of the reference tool's row that identifies a target; it is never a migration. */
    public static final String CLOUD_IDENTIFIER = ".atlas_cloud_identifier";

    public Revision {
        partialHashes = List.copyOf(partialHashes);
    }

    /** Returns a new revision for a file about to run. */
    public static Revision started(MigrationFile file, int total, String hash, Instant now, String operatorVersion) {
        return new Revision(
                file.version(),
                file.description(),
                EXECUTED,
                0,
                total,
                now,
                Duration.ZERO,
                Optional.empty(),
                Optional.empty(),
                hash,
                List.of(),
                operatorVersion);
    }

    /** Returns whether some of the file's statements have not been applied. */
    public boolean isPartial() {
        return applied < total;
    }

    /** Returns whether a flag is set. */
    public boolean has(int flag) {
        return (type & flag) != 0;
    }

    /** Returns the type as the reference tool names it: {@code applied}, {@code baseline}, {@code manually set}. */
    public String typeName() {
        if (has(BASELINE)) {
            return "baseline";
        }
        if (has(EXECUTED) && has(RESOLVED)) {
            return "applied + manually set";
        }
        return has(RESOLVED) ? "manually set" : "applied";
    }

    /** Returns this revision with another type. */
    public Revision withType(int newType) {
        return new Revision(
                version,
                description,
                newType,
                applied,
                total,
                executedAt,
                executionTime,
                error,
                errorStatement,
                hash,
                partialHashes,
                operatorVersion);
    }

    /** Returns this revision after one more statement succeeded, with that statement's running hash. */
    public Revision withStatementApplied(String partialHash, Duration elapsed) {
        List<String> hashes = new java.util.ArrayList<>(partialHashes);
        hashes.add(partialHash);
        return new Revision(
                version,
                description,
                type,
                applied + 1,
                total,
                executedAt,
                elapsed,
                Optional.empty(),
                Optional.empty(),
                hash,
                hashes,
                operatorVersion);
    }

    /** Returns this revision completed: every statement applied and the partial hashes dropped. */
    public Revision completed(Duration elapsed) {
        return new Revision(
                version,
                description,
                type,
                total,
                total,
                executedAt,
                elapsed,
                Optional.empty(),
                Optional.empty(),
                hash,
                List.of(),
                operatorVersion);
    }

    /** Returns this revision with the failure of a statement recorded. */
    public Revision failed(String message, String statement, Duration elapsed) {
        return new Revision(
                version,
                description,
                type,
                applied,
                total,
                executedAt,
                elapsed,
                Optional.of(message),
                Optional.of(statement),
                hash,
                partialHashes,
                operatorVersion);
    }

    /** Returns this revision without its error and error statement. */
    public Revision withoutError() {
        return new Revision(
                version,
                description,
                type,
                applied,
                total,
                executedAt,
                executionTime,
                Optional.empty(),
                Optional.empty(),
                hash,
                partialHashes,
                operatorVersion);
    }

    /** Returns this revision restarted at a time, keeping what was applied. */
    public Revision restartedAt(Instant now, String operator) {
        return new Revision(
                version,
                description,
                type,
                applied,
                total,
                now,
                executionTime,
                error,
                errorStatement,
                hash,
                partialHashes,
                operator);
    }
}
