package io.plumb.engine.migrate;

import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.plan.Rollback;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code MigrationLayout} is how {@code migrate diff} and {@code migrate new} lay a new migration out in a
 * directory of a {@link DirFormat}, with the file names and text the reference tool writes for it:
 *
 * <ul>
 *   <li>atlas: {@code V[_name].sql}, the {@link MigrationTemplate}'s text (no down part);
 *   <li>golang-migrate: {@code V[_name].up.sql} and {@code V[_name].down.sql};
 *   <li>goose: {@code V[_name].sql} with {@code -- +goose Up} and {@code -- +goose Down} sections;
 *   <li>dbmate: {@code V[_name].sql} with {@code -- migrate:up} and {@code -- migrate:down} sections;
 *   <li>flyway: {@code VV[__name].sql} and the undo file {@code UV[__name].sql};
 *   <li>liquibase: {@code V[_name].sql}, a formatted SQL changelog of one changeset per statement, {@code
 *       --changeset atlas:V-N}, with its {@code --comment:} and {@code --rollback:} lines.
 * </ul>
 *
 * <p>{@code V} is the UTC time {@code yyyyMMddHHmmss}. Up parts hold {@code -- comment} and the statement per
 * change, lower-case as the reference writes these formats; down parts hold, per {@link Rollback.Step}, a {@code --
 * reverse: comment} line and the statements that undo the change, in the order they run. A change with no reverse
 * is written as a comment saying so, never left out.
 */
public final class MigrationLayout {

    /** A file of a new migration. */
    public record File(String name, String text) {}

    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    // The other tools read their versions and descriptions from the file name, and split on "." and "_";
    // golang-migrate's
    // ".up"/".down", Flyway's "__" and spaces (which the shells and the tools' CLIs quote differently) are kept out.
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private static final String TXMODE_NONE = "-- atlas:txmode none";

    private final DirFormat format;
    private final MigrationTemplate template;

    public MigrationLayout(DirFormat format, MigrationTemplate template) {
        this.format = format;
        this.template = template;
    }

    /**
     * Returns the file names of a new migration, the one that runs up first.
     *
     * @throws MigrateException when the name is not a plain file name, or, in a format other than atlas, holds
     *     anything but letters, digits, {@code _} and {@code -}
     */
    public List<String> fileNames(Instant now, String name) {
        String atlas = MigrationTemplate.fileName(now, name);
        if (format != DirFormat.ATLAS
                && !name.isEmpty()
                && !PLAIN_NAME.matcher(name).matches()) {
            throw new MigrateException("invalid migration name \"" + name + "\" for a " + format.id()
                    + " directory: expected letters, digits, \"_\" and \"-\", starting with a letter or digit,"
                    + " such as add_users");
        }
        String version = VERSION.format(now);
        String suffix = name.isEmpty() ? "" : "_" + name;
        return switch (format) {
            case ATLAS, GOOSE, DBMATE, LIQUIBASE -> List.of(atlas);
            case GOLANG_MIGRATE -> List.of(version + suffix + ".up.sql", version + suffix + ".down.sql");
            case FLYWAY -> {
                String description = name.isEmpty() ? "" : "__" + name;
                yield List.of("V" + version + description + ".sql", "U" + version + description + ".sql");
            }
        };
    }

    /**
     * Returns the version of a file name {@link #fileNames} wrote, {@code yyyyMMddHHmmss}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static String versionOf(String fileName) {
        String digits = fileName.startsWith("V") || fileName.startsWith("U") ? fileName.substring(1) : fileName;
        if (digits.length() < 14) {
            throw new IllegalArgumentException("not a new migration file: " + fileName);
        }
        return digits.substring(0, 14);
    }

    /** Returns the files of a new migration: the up part's plan and the rollback that undoes it. */
    public List<File> render(List<String> names, Plan up, Rollback down) {
        String first = names.get(0);
        return switch (format) {
            case ATLAS -> List.of(new File(first, template.render(up)));
            case GOLANG_MIGRATE, FLYWAY -> List.of(
                    new File(first, header(up.transactional()) + upPart(up)),
                    new File(names.get(1), header(down.transactional()) + downPart(down)));
                // goose's marker covers the whole file, so either part outside a transaction takes both out of one.
            case GOOSE -> List.of(new File(
                    first,
                    (up.transactional() && down.transactional() ? "" : "-- +goose NO TRANSACTION\n") + "-- +goose Up\n"
                            + upPart(up) + "\n-- +goose Down\n" + downPart(down)));
            case DBMATE -> List.of(new File(
                    first,
                    "-- migrate:up" + dbmateTransaction(up.transactional()) + "\n" + upPart(up)
                            + "\n-- migrate:down" + dbmateTransaction(down.transactional()) + "\n"
                            + downPart(down)));
            case LIQUIBASE -> List.of(new File(first, liquibase(versionOf(first), up, down)));
        };
    }

    /**
     * Returns a checkpoint file: the {@code -- atlas:checkpoint [tag]} directive, a blank line, and the plan that
     * creates the whole state as the template writes it, as the reference writes a checkpoint.
     *
     * @throws MigrateException in a directory of another format than atlas: the other tools would run a
     *     checkpoint after the files it stands for
     */
    public File checkpoint(String fileName, String tag, Plan state) {
        if (format != DirFormat.ATLAS) {
            throw new MigrateException("a " + format.id() + " directory cannot hold a checkpoint: only the atlas format"
                    + " skips the files before one (-- atlas:checkpoint); " + format.id() + " would run it after them");
        }
        return new File(
                fileName, "-- atlas:checkpoint" + (tag.isEmpty() ? "" : " " + tag) + "\n\n" + template.render(state));
    }

    private static String dbmateTransaction(boolean transactional) {
        return transactional ? "" : " transaction:false";
    }

    private static String header(boolean transactional) {
        return transactional ? "" : TXMODE_NONE + "\n\n";
    }

    private String upPart(Plan up) {
        StringBuilder text = new StringBuilder();
        for (PlannedChange change : up.changes()) {
            if (!change.comment().isEmpty()) {
                text.append("-- ").append(change.comment()).append('\n');
            }
            text.append(statement(change.sql()));
        }
        return text.toString();
    }

    /**
     * A statement and its delimiter. goose ends a statement at every line that ends in {@code ;} unless it is
     * between {@code -- +goose StatementBegin} and {@code StatementEnd}: a statement with a semicolon inside (a
     * function body) is written between them, where the reference would write a file goose cannot run.
     */
    private String statement(String sql) {
        String text = sql + template.delimiter() + "\n";
        if (format == DirFormat.GOOSE && sql.contains(";")) {
            return "-- +goose StatementBegin\n" + text + "-- +goose StatementEnd\n";
        }
        return text;
    }

    private String downPart(Rollback down) {
        StringBuilder text = new StringBuilder();
        for (Rollback.Step step : down.steps()) {
            if (!step.comment().isEmpty()) {
                text.append("-- reverse: ").append(step.comment()).append('\n');
            }
            if (!step.isReversible()) {
                text.append("-- no reverse: ").append(step.problem()).append('\n');
            }
            for (String statement : step.statements()) {
                text.append(statement(statement));
            }
        }
        return text.toString();
    }

    /**
     * A Liquibase changelog of one changeset per statement. Each step of the rollback goes with the last changeset of
     * the same comment, else with the last changeset, as Liquibase undoes changesets last first. Every line of a
     * multi-line rollback statement is prefixed, so that its continuation lines stay comments and never run up.
     */
    private String liquibase(String version, Plan up, Rollback down) {
        List<PlannedChange> changes = up.changes();
        List<List<String>> rollbacks = new ArrayList<>();
        changes.forEach(c -> rollbacks.add(new ArrayList<>()));
        for (Rollback.Step step : down.steps()) {
            int at = changes.size() - 1;
            for (int i = changes.size() - 1; i >= 0; i--) {
                if (changes.get(i).comment().equals(step.comment())) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                continue;
            }
            if (!step.isReversible()) {
                rollbacks.get(at).add("-- no reverse: " + step.problem());
            }
            for (String statement : step.statements()) {
                rollbacks
                        .get(at)
                        .add("--rollback: " + statement.replace("\n", "\n--rollback: ") + template.delimiter());
            }
        }
        StringBuilder text = new StringBuilder("--liquibase formatted sql");
        for (int i = 0; i < changes.size(); i++) {
            PlannedChange change = changes.get(i);
            text.append("\n--changeset atlas:").append(version).append('-').append(i + 1);
            // A changeset's rollback runs as the changeset does: either part outside a transaction takes it out.
            if (!up.transactional() || !down.transactional()) {
                text.append(" runInTransaction:false");
            }
            text.append('\n');
            if (!change.comment().isEmpty()) {
                text.append("--comment: ").append(change.comment());
            }
            text.append('\n').append(change.sql()).append(template.delimiter()).append('\n');
            rollbacks.get(i).forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
