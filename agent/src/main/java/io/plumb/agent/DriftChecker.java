package io.plumb.agent;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.mysql.MysqlDialect;
import io.plumb.engine.dialect.mysql.MysqlFlavour;
import io.plumb.engine.dialect.postgres.PostgresDialect;
import io.plumb.engine.dialect.sqlite.SqliteDialect;
import io.plumb.engine.drift.DivergedObject;
import io.plumb.engine.drift.DriftCheck;
import io.plumb.engine.drift.DriftException;
import io.plumb.engine.drift.DriftJson;
import io.plumb.engine.drift.DriftReport;
import io.plumb.engine.drift.ExpectedStates;
import io.plumb.engine.migrate.MigrationDir;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code DriftChecker} checks targets with the engine's {@link DriftCheck}: against the state their applied
 * migrations give, or against their desired schema. Its {@link ExpectedStates} are shared by every check, so each
 * distinct version of a directory is replayed once however many tenants are at it.
 */
public final class DriftChecker implements Checker {

    private final Path workingDirectory;
    private final ExpectedStates states = new ExpectedStates();

    /** Creates a checker that resolves relative paths against the given directory. */
    public DriftChecker(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public long replays() {
        return states.replays();
    }

    @Override
    public CheckResult check(Target target) {
        try {
            DriftCheck.Builder builder = DriftCheck.builder(target.url())
                    .workingDirectory(workingDirectory)
                    .schemas(target.schemas())
                    .exclude(target.exclude())
                    .expectedStates(states)
                    .devUrl(target.dev().orElseGet(() -> defaultDev(target)));
            DriftReport report;
            if (target.dir().isPresent()) {
                builder.dir(MigrationDir.open(target.dir().get(), workingDirectory));
                report = builder.build().migrate();
            } else {
                report = builder.build().schema(target.schema());
            }
            return result(target, report);
        } catch (DriftException | IllegalStateException | IllegalArgumentException e) {
            return CheckResult.error(target.mask(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            // An unforeseen fault of one target must not stop the loop; its message still never shows a password.
            return CheckResult.error(target.mask(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static CheckResult result(Target target, DriftReport report) {
        TargetStatus status =
                switch (report.status()) {
                    case SYNCED -> TargetStatus.SYNCED;
                    case PENDING -> TargetStatus.PENDING;
                    case DRIFTED -> TargetStatus.DRIFTED;
                    case FAILED -> TargetStatus.ERROR;
                };
        String message =
                switch (report.status()) {
                    case SYNCED -> "in sync";
                    case PENDING -> report.pendingFiles().size() + " pending file(s)";
                    case DRIFTED -> report.diverged().size() + " object(s) drifted: "
                            + String.join(
                                    ", ",
                                    report.diverged().stream()
                                            .limit(5)
                                            .map(DivergedObject::describe)
                                            .toList());
                    case FAILED -> "version " + report.currentVersion() + " failed: "
                            + report.error().orElse("");
                };
        return new CheckResult(
                status,
                Optional.ofNullable(report.currentVersion()),
                Optional.ofNullable(report.latestVersion()),
                report.pendingFiles(),
                target.mask(message),
                target.mask(DriftJson.of(report)),
                Optional.of(dialect(target.url()).spec().write(report.actual())),
                Optional.of(report));
    }

    // The dev database when none is given: an in-memory SQLite database serves SQLite targets.
    private static String defaultDev(Target target) {
        if (DatabaseUrl.parse(target.url()).isSqlite()) {
            return "sqlite://plumb-agent-dev?mode=memory";
        }
        throw new IllegalArgumentException("target \"" + target.name() + "\" needs a dev database (dev = \"...\")");
    }

    private static Dialect dialect(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        String scheme = parsed.scheme();
        if (scheme.equals("embedded") || scheme.equals("docker")) {
            scheme = parsed.host();
        }
        return switch (scheme) {
            case "sqlite", "sqlite3" -> new SqliteDialect();
            case "postgres", "postgresql" -> new PostgresDialect();
            case "maria", "mariadb" -> new MysqlDialect(MysqlFlavour.MARIADB);
            default -> new MysqlDialect(MysqlFlavour.MYSQL);
        };
    }
}
