package io.plumb.junit.internal;

import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.lint.ChangeDetector;
import io.plumb.engine.lint.Diagnostic;
import io.plumb.engine.lint.FileReport;
import io.plumb.engine.lint.LintReport;
import io.plumb.engine.lint.Linter;
import io.plumb.engine.lint.Position;
import io.plumb.engine.lint.Report;
import io.plumb.engine.lint.SuggestedFix;
import io.plumb.engine.migrate.ChecksumException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.SumFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * A {@code LintRun} is one lint of a {@link LintTarget}: its migration directory, checked against its {@code
 * atlas.sum} when it has one, replayed on a fresh isolated database of the dev database, and its linted files run
 * statement by statement through the {@link Linter}, as {@code plumb migrate lint} does. It gives each linted file
 * its {@link Verdict}. A run that could not lint at all (a checksum error, an unreachable dev database) keeps the
 * error and throws it to every node that asks.
 */
public final class LintRun {

    /** What a linted file's node reports. */
    public sealed interface Verdict {}

    /**
     * The file was linted.
     *
     * @param errors one {@code FILE:LINE:COL: CODE: message} line per finding that fails the file; empty when it
     *     passes
     * @param findings every finding, a line each as above, and the suggested fixes
     * @param line the line of the first error, 1 when it has no line of its own
     */
    public record Linted(List<String> errors, List<String> findings, int line) implements Verdict {}

    /**
     * The file was not linted, and that is not a failure of its own.
     *
     * @param reason why: {@code atlas:nolint} at the top of the file, or another file could not be replayed
     */
    public record NotLinted(String reason) implements Verdict {}

    private final Map<String, FileReport> reports = new HashMap<>();
    private final Map<String, MigrationFile> files = new HashMap<>();
    private final Path directory;
    private final @Nullable FileReport replayFailure;
    private final @Nullable AssertionFailedError failure;

    private LintRun(
            Path directory,
            List<MigrationFile> files,
            @Nullable LintReport report,
            @Nullable AssertionFailedError failure) {
        this.directory = directory;
        this.failure = failure;
        files.forEach(file -> this.files.put(file.name(), file));
        FileReport failed = null;
        if (report != null) {
            for (FileReport file : report.files()) {
                reports.put(file.name(), file);
                if (file.file().isEmpty() && file.hasError()) {
                    failed = file;
                }
            }
        }
        this.replayFailure = failed;
    }

    /** Lints a target; an error that stops the whole lint is kept, not thrown. */
    public static LintRun of(LintTarget target) {
        MigrationDir dir;
        try {
            dir = MigrationDir.open(target.dirUrl(), target.workingDirectory());
        } catch (RuntimeException e) {
            return new LintRun(target.workingDirectory(), List.of(), null, failure(target.directory(), e));
        }
        List<MigrationFile> files = List.of();
        try {
            files = dir.readSum().isPresent() ? dir.validate() : dir.files();
            Progress.startServer(target.devUrl(), target.workingDirectory());
            try (Isolation isolation = Isolation.open(target.devUrl(), target.workingDirectory());
                    IsolatedDatabase db = isolation.fresh()) {
                // The linted files are the last ones of the directory, as they were found at discovery.
                LintReport report = new Linter(db.database(), target.config())
                        .lint(files, ChangeDetector.latest(target.files().size()));
                return new LintRun(dir.path(), files, report, null);
            }
        } catch (RuntimeException e) {
            return new LintRun(dir.path(), files, null, failure(dir.path(), e));
        }
    }

    /** Returns the error of a lint that could not run, naming the directory and, for a checksum error, the file. */
    private static AssertionFailedError failure(Path directory, RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof ChecksumException checksum && checksum.blame().isPresent()) {
            ChecksumException.Blame blame = checksum.blame().get();
            message = ScriptIdScheme.stablePath(directory.resolve(SumFile.FILE_NAME)) + ":" + blame.line() + ": "
                    + message + ": " + blame.file() + " was " + blame.reason().word();
        }
        return new AssertionFailedError("lint " + ScriptIdScheme.stablePath(directory) + ": " + message, e);
    }

    /**
     * Throws the error that stopped the lint, or that of a file before the linted ones that could not be replayed,
     * at the failing statement ({@code FILE:LINE:COL: executing statement: ...}, a stack frame at its line).
     *
     * @throws RuntimeException the error, when there is one
     */
    public void requireLinted(Set<String> linted) {
        rethrow();
        if (replayFailure != null && !linted.contains(replayFailure.name())) {
            AssertionFailedError error = new AssertionFailedError(replayError(replayFailure));
            error.setStackTrace(new StackTraceElement[] {frame(replayFailure.name(), errorLine(replayFailure))});
            throw error;
        }
    }

    /** Returns the synthetic stack frame of a failure at a line of a migration file, which IDEs jump to. */
    public static StackTraceElement frame(String name, int line) {
        return new StackTraceElement(LintFileDescriptor.FRAME_CLASS, name, name, line);
    }

    // FILE:LINE:COL: error, or FILE: error without a position.
    private String replayError(FileReport file) {
        return path(file.name()) + file.errorPosition().map(p -> ":" + p).orElse("") + ": " + file.error();
    }

    private static int errorLine(FileReport file) {
        return file.errorPosition().map(Position::line).orElse(1);
    }

    // A new error per node: every file that uses the directory fails with it, and JUnit may add to what it throws.
    private void rethrow() {
        if (failure != null) {
            throw new AssertionFailedError(failure.getMessage(), failure.getCause());
        }
    }

    /** Returns the verdict on one linted file. */
    public Verdict verdict(String name) {
        rethrow();
        FileReport report = reports.get(name);
        if (report == null) {
            MigrationFile file = files.get(name);
            if (file != null && file.directives().noLint().filter(List::isEmpty).isPresent()) {
                return new NotLinted("atlas:nolint at the top of the file");
            }
            if (replayFailure != null) {
                return new NotLinted("not analyzed: " + path(replayFailure.name()) + " cannot be replayed");
            }
            return new NotLinted("not analyzed: the directory has no file " + name);
        }
        if (report.file().isEmpty()) {
            return new Linted(List.of(replayError(report)), List.of(), errorLine(report));
        }
        return linted(report);
    }

    private Linted linted(FileReport file) {
        Set<String> failing =
                new LinkedHashSet<>(file.hasError() ? List.of(file.error().split("; ")) : List.of());
        Set<String> explained = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        int firstLine = 0;
        for (Report report : file.reports()) {
            boolean error = !report.text().isEmpty() && failing.contains(report.text());
            if (error) {
                explained.add(report.text());
            }
            for (Diagnostic diagnostic : report.diagnostics()) {
                String line = line(file, diagnostic);
                findings.add(line);
                if (error) {
                    errors.add(line);
                    firstLine = firstLine == 0 ? file.line(diagnostic.pos()) : firstLine;
                }
            }
        }
        for (SuggestedFix fix : file.suggestedFixes()) {
            findings.add("  suggested fix: " + fix.message());
        }
        // An error no report explains (an analyzer that crashed) is the file's, at its top.
        failing.stream()
                .filter(text -> !explained.contains(text))
                .forEach(text -> errors.add(path(file.name()) + ":1:1: " + text));
        return new Linted(errors, findings, Math.max(1, firstLine));
    }

    private String line(FileReport file, Diagnostic diagnostic) {
        byte[] text = file.text().getBytes(StandardCharsets.UTF_8);
        int pos = Math.max(0, Math.min(diagnostic.pos(), text.length));
        int start = pos;
        while (start > 0 && text[start - 1] != '\n') {
            start--;
        }
        int column = new String(text, start, pos - start, StandardCharsets.UTF_8).length() + 1;
        return path(file.name()) + ":" + file.line(pos) + ":" + column + ": "
                + (diagnostic.code().isEmpty() ? "" : diagnostic.code() + ": ") + diagnostic.text();
    }

    /** Returns a migration file's path as messages show it: relative to the working directory when below it. */
    public String path(String name) {
        return ScriptIdScheme.stablePath(directory.resolve(name));
    }
}
