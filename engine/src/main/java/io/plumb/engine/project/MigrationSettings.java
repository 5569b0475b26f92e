package io.plumb.engine.project;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.migrate.MigrationDir;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code MigrationSettings} are the versioned-migration settings of an env's {@code migration} block (reference
 * 2.1), each filling the flag of the same meaning when the flag is not set.
 *
 * @param dir the migration directory URL ({@code dir})
 * @param format the directory format ({@code format}): atlas, flyway, liquibase, golang-migrate, goose or dbmate
 * @param baseline the baseline version ({@code baseline})
 * @param execOrder the execution order as the flag spells it: {@code linear}, {@code linear-skip}, {@code non-linear}
 * @param lockTimeout the lock timeout, such as {@code 10s} ({@code lock_timeout})
 * @param revisionsSchema the schema of the revisions table ({@code revisions_schema})
 */
public record MigrationSettings(
        Optional<String> dir,
        Optional<String> format,
        Optional<String> baseline,
        Optional<String> execOrder,
        Optional<String> lockTimeout,
        Optional<String> revisionsSchema) {

    private static final Set<String> KNOWN =
            Set.of("dir", "format", "baseline", "exec_order", "lock_timeout", "revisions_schema");

    /** Returns the settings of no {@code migration} block. */
    public static MigrationSettings none() {
        return new MigrationSettings(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * Returns the directory URL with the format as its {@code format} parameter ({@code dir = "file://db"} and
     * {@code format = flyway} give {@code file://db?format=flyway}), the default directory when only the format is
     * set, or empty when neither is.
     *
     * @throws io.plumb.engine.migrate.MigrateException for an unknown format, or a URL that names another one
     */
    public Optional<String> dirUrl() {
        if (dir.isEmpty() && format.isEmpty()) {
            return Optional.empty();
        }
        String url = dir.orElse(MigrationDir.DEFAULT_URL);
        return Optional.of(format.map(f -> MigrationDir.withFormat(url, f)).orElse(url));
    }

    /**
     * Reads the {@code migration} block of an env.
     *
     * @throws HclException at an unknown attribute, a value of the wrong kind, or an unknown {@code exec_order}
     */
    public static MigrationSettings of(Env env) {
        List<Resource> blocks = env.block().children("migration");
        if (blocks.isEmpty()) {
            return none();
        }
        Resource block = blocks.get(0);
        for (Attribute attribute : block.attributes()) {
            if (attribute.name().equals("exclude")) {
                throw new HclException(
                        attribute.namePos(), "attribute \"exclude\" of migration is not supported yet by plumb");
            }
            if (!KNOWN.contains(attribute.name())) {
                throw new HclException(
                        attribute.namePos(),
                        "unknown attribute \"" + attribute.name() + "\" in migration block: expected one of dir,"
                                + " format, baseline, exec_order, lock_timeout, revisions_schema");
            }
        }
        return new MigrationSettings(
                string(block, "dir"),
                format(block),
                string(block, "baseline"),
                execOrder(block),
                lockTimeout(block),
                string(block, "revisions_schema"));
    }

    /**
     * Returns the directory format. The reference writes it as a bare identifier ({@code format = atlas}, {@code
     * format = golang-migrate}); {@code atlas} is also the project file's root object ({@code atlas.env}), so that
     * object, seen here, means the {@code atlas} format.
     */
    private static Optional<String> format(Resource block) {
        Optional<Attribute> found = block.attribute("format");
        if (found.isPresent()
                && found.get().value() instanceof Value.ObjectValue root
                && root.fields().keySet().equals(java.util.Set.of("env"))) {
            return Optional.of("atlas");
        }
        return string(block, "format");
    }

    private static Optional<String> execOrder(Resource block) {
        Optional<String> value = string(block, "exec_order");
        if (value.isEmpty()) {
            return value;
        }
        String order = value.get().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!Set.of("linear", "linear-skip", "non-linear").contains(order)) {
            throw new HclException(
                    block.attribute("exec_order").orElseThrow().pos(),
                    "unknown exec_order \"" + value.get() + "\": expected LINEAR, LINEAR_SKIP or NON_LINEAR");
        }
        return Optional.of(order);
    }

    // Go's time.ParseDuration ("10s", "1m30s", "250ms"), or ISO-8601 ("PT10S") as the --lock-timeout flag takes it.
    private static final Pattern DURATION =
            Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+|[Pp][0-9A-Za-z.]+");

    private static Optional<String> lockTimeout(Resource block) {
        Optional<String> value = string(block, "lock_timeout");
        if (value.isPresent() && !DURATION.matcher(value.get().trim()).matches()) {
            throw new HclException(
                    block.attribute("lock_timeout").orElseThrow().pos(),
                    "attribute \"lock_timeout\" of migration: invalid duration \"" + value.get()
                            + "\", expected a duration such as 10s, 1m30s or 500ms");
        }
        return value;
    }

    private static Optional<String> string(Resource block, String name) {
        Optional<Attribute> found = block.attribute(name);
        if (found.isEmpty() || found.get().value() instanceof Value.Null) {
            return Optional.empty();
        }
        Value value = found.get().value();
        if (value instanceof Value.Str s) {
            return Optional.of(s.value());
        }
        if (value instanceof Value.Ident identifier) {
            // exec_order = LINEAR_SKIP: the reference writes the orders as bare identifiers.
            return Optional.of(identifier.name());
        }
        if (value instanceof Value.Num n && name.equals("baseline")) {
            // A baseline version may be written as a number; versions are strings.
            return Optional.of(n.value().toPlainString());
        }
        throw new HclException(
                found.get().pos(), "attribute \"" + name + "\" of migration: expected a string, found " + value.kind());
    }
}
