package io.plumb.agent;

import io.plumb.engine.db.DatabaseUrl;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Target} is one database the agent watches, with what it should hold: a migration directory or a desired
 * schema.
 *
 * @param name the unique name the API, the store and notifications use
 * @param url the database URL, its password (if any) already injected; shown only through {@link #display()}
 * @param dir the migration directory URL, when the target follows one
 * @param schema the desired schema URLs, when the target follows a schema instead
 * @param dev the dev database URL, on which the expected state is built
 * @param schemas the schemas to inspect (all, or the URL's bound one, when empty)
 * @param exclude the exclusion globs
 * @param schedule when the target is due
 * @param secrets the literal secrets of this target, masked wherever a message might quote them
 */
public record Target(
        String name,
        String url,
        Optional<String> dir,
        List<String> schema,
        Optional<String> dev,
        List<String> schemas,
        List<String> exclude,
        Cron schedule,
        List<String> secrets) {

    public Target {
        schema = List.copyOf(schema);
        schemas = List.copyOf(schemas);
        exclude = List.copyOf(exclude);
        secrets = List.copyOf(secrets);
    }

    /** Returns the text with URL passwords and this target's secrets replaced by {@code xxxxx}. */
    public String mask(String text) {
        String masked = DatabaseUrl.redact(text);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, "xxxxx");
            }
        }
        return masked;
    }

    /** Returns the URL with its password replaced by {@code xxxxx}. */
    public String display() {
        return mask(DatabaseUrl.redactUrl(url));
    }

    @Override
    public String toString() {
        return name + " (" + display() + ")";
    }
}
