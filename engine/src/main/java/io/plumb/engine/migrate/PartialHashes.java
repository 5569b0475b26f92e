package io.plumb.engine.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PartialHashes} is the running SHA-256 over the statements of a file as they are applied; the revision of
 * a partly applied file keeps one {@code h1:} hash per applied statement, so a resumed run can tell whether those
 * statements were edited since.
 */
final class PartialHashes {

    private final MessageDigest running = SumFile.sha256();

    /** Adds a statement and returns the running hash after it. */
    String add(String statement) {
        running.update(statement.getBytes(StandardCharsets.UTF_8));
        try {
            return "h1:" + SumFile.base64(((MessageDigest) running.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
        }
    }

    /** Returns the running hashes after each of the first {@code count} statements. */
    static List<String> of(List<Statement> statements, int count) {
        PartialHashes hashes = new PartialHashes();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < count && i < statements.size(); i++) {
            result.add(hashes.add(statements.get(i).text()));
        }
        return result;
    }
}
