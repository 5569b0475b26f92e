package io.plumb.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code RunnerOptions} are the settings of a {@link ScriptRunner}.
 *
 * @param update rewrite archives whose {@code cmp} against an archived file failed (go-internal's {@code -u})
 * @param keepWork keep each script's work directory and log its path and environment ({@code -testwork})
 * @param workRoot the directory under which work directories are made, or empty for the system temporary one
 * @param timeout the time limit of one script
 * @param isShort whether the {@code [short]} condition holds
 * @param verbose log every line, also of phases that passed
 * @param extensions the extensions whose commands, conditions and setup scripts see
 * @param path the {@code PATH} scripts inherit, the one variable passed through from outside
 * @param variables script variables every script starts with, set after the runner's own ({@code WORK}, {@code
 *     HOME}...) and before the extensions' setup, such as {@code dialect=postgres}
 */
public record RunnerOptions(
        boolean update,
        boolean keepWork,
        Optional<Path> workRoot,
        Duration timeout,
        boolean isShort,
        boolean verbose,
        List<ScriptExtension> extensions,
        String path,
        Map<String, String> variables) {

    /** The default time limit of one script. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public RunnerOptions {
        extensions = List.copyOf(extensions);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Returns the defaults, with the extensions found on the class path. */
    public static RunnerOptions defaults() {
        return new RunnerOptions(
                false,
                false,
                Optional.empty(),
                DEFAULT_TIMEOUT,
                false,
                false,
                ScriptExtensions.loadAll(),
                System.getenv().getOrDefault("PATH", ""),
                Map.of());
    }

    /** Returns these options with update mode set as given. */
    public RunnerOptions withUpdate(boolean value) {
        return new RunnerOptions(value, keepWork, workRoot, timeout, isShort, verbose, extensions, path, variables);
    }

    /** Returns these options with keeping work directories set as given. */
    public RunnerOptions withKeepWork(boolean value) {
        return new RunnerOptions(update, value, workRoot, timeout, isShort, verbose, extensions, path, variables);
    }

    /** Returns these options with the given work root. */
    public RunnerOptions withWorkRoot(Path value) {
        return new RunnerOptions(
                update, keepWork, Optional.of(value), timeout, isShort, verbose, extensions, path, variables);
    }

    /** Returns these options with the given time limit per script. */
    public RunnerOptions withTimeout(Duration value) {
        return new RunnerOptions(update, keepWork, workRoot, value, isShort, verbose, extensions, path, variables);
    }

    /** Returns these options with {@code [short]} set as given. */
    public RunnerOptions withShort(boolean value) {
        return new RunnerOptions(update, keepWork, workRoot, timeout, value, verbose, extensions, path, variables);
    }

    /** Returns these options with verbose logging set as given. */
    public RunnerOptions withVerbose(boolean value) {
        return new RunnerOptions(update, keepWork, workRoot, timeout, isShort, value, extensions, path, variables);
    }

    /** Returns these options with the given extensions instead of the ones found on the class path. */
    public RunnerOptions withExtensions(List<ScriptExtension> value) {
        return new RunnerOptions(update, keepWork, workRoot, timeout, isShort, verbose, value, path, variables);
    }

    /** Returns these options with the {@code PATH} that scripts inherit. */
    public RunnerOptions withPath(String value) {
        return new RunnerOptions(update, keepWork, workRoot, timeout, isShort, verbose, extensions, value, variables);
    }

    /** Returns these options with one more initial script variable, replacing one of the same name. */
    public RunnerOptions withVariable(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(variables);
        copy.put(name, value);
        return new RunnerOptions(update, keepWork, workRoot, timeout, isShort, verbose, extensions, path, copy);
    }
}
