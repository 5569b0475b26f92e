package io.plumb.engine.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * A {@code PrefixHash} is the running SHA-256 of a prefix of a migration directory: over each file's name and bytes
 * in order, as {@code atlas.sum} hashes them, but counting files marked {@code atlas:sum ignore} too, since they run,
 * and the values of the placeholders replaced in them (Flyway's), since other values run other SQL.
 * Two prefixes share a hash only when they hold the same files, so the state an empty database reaches by migrating
 * one is known by it: migration tests key their snapshots by it, drift checks their expected states, and the snapshot
 * cache its entries. It is used by one thread.
 */
public final class PrefixHash {

    private final MessageDigest running;

    /** Starts the hash of the empty prefix. */
    public PrefixHash() {
        try {
            running = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Returns the hash of files in order, base64-encoded. */
    public static String of(List<MigrationFile> files) {
        PrefixHash hash = new PrefixHash();
        files.forEach(hash::add);
        return hash.value();
    }

    /** Adds the next file of the prefix. */
    public PrefixHash add(MigrationFile file) {
        running.update(file.name().getBytes(StandardCharsets.UTF_8));
        running.update(file.content());
        // The same bytes run as other SQL with other placeholder values.
        running.update(file.placeholders().key().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Returns the hash of the files added so far, base64-encoded; more may be added after. */
    public String value() {
        try {
            return Base64.getEncoder().encodeToString(((MessageDigest) running.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
        }
    }
}
