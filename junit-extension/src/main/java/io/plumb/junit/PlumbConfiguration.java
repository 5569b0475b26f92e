package io.plumb.junit;

import io.plumb.engine.script.ScriptDialect;
import io.plumb.engine.script.ScriptTarget;
import io.plumb.runner.RunnerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * A {@code PlumbConfiguration} is the set of {@code plumb.*} settings that the engine and the Jupiter helpers read
 * from JUnit configuration parameters or system properties.
 *
 * @param update rewrite expected output in scripts ({@value #UPDATE})
 * @param keepWork keep each script's work directory ({@value #KEEP_WORK})
 * @param isShort set the {@code [short]} condition ({@value #SHORT})
 * @param timeout the time limit of one script ({@value #TIMEOUT})
 * @param workRoot where work directories go ({@value #WORK_ROOT}), or empty for the runner's default: {@code
 *     $TMPDIR} when set, else a tmpfs such as {@code /dev/shm} when one is usable, else the system temporary directory
 * @param parallel run scripts, test files and {@code parallel = true} cases concurrently: {@value #PARALLEL_ENABLED}
 *     when set, else {@value #JUPITER_PARALLEL_ENABLED} when set, else on (see {@link #isParallel})
 * @param scriptDialect the dialect scripts run under, as the script variable {@code dialect} ({@value
 *     #SCRIPT_DIALECT}), or empty for SQLite
 */
public record PlumbConfiguration(
        boolean update,
        boolean keepWork,
        boolean isShort,
        Duration timeout,
        Optional<Path> workRoot,
        boolean parallel,
        Optional<String> scriptDialect) {

    /**
     * The dialect scripts run under: {@code sqlite} (the default), {@code postgres} or {@code mysql}; the engine's
     * script extension gives each script a database of that dialect.
     */
    public static final String SCRIPT_DIALECT = "plumb.script.dialect";

    /** Update mode: a failing {@code cmp} against an archived file rewrites the script. */
    public static final String UPDATE = "plumb.update";

    /** Keep work directories and report their paths. */
    public static final String KEEP_WORK = "plumb.keepWork";

    /** Set the {@code [short]} condition. */
    public static final String SHORT = "plumb.short";

    /** The time limit of one script: an ISO-8601 duration such as {@code PT30S}, or a number of seconds. */
    public static final String TIMEOUT = "plumb.timeout";

    /** The directory under which work directories are made. */
    public static final String WORK_ROOT = "plumb.workRoot";

    /** Run scripts, test files and {@code parallel = true} cases concurrently; on unless set to {@code false}. */
    public static final String PARALLEL_ENABLED = "plumb.execution.parallel.enabled";

    /** Jupiter's switch for parallel execution, which the engine honours when its own switch is not set. */
    public static final String JUPITER_PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

    /** The prefix of the parallel executor's settings, such as {@code plumb.execution.parallel.config.strategy}. */
    public static final String PARALLEL_CONFIG_PREFIX = "plumb.execution.parallel.config.";

    /** The env of the project file that test files take their setup from, when it has several. */
    public static final String TEST_ENV = "plumb.test.env";

    /** The dev database of test files, such as {@code sqlite://dev?mode=memory}; overrides the env's. */
    public static final String TEST_DEV_URL = "plumb.test.dev-url";

    /** The desired schema of schema tests: comma-separated files, directories or URLs; overrides the env's. */
    public static final String TEST_SCHEMA = "plumb.test.schema";

    /** The migration directory URL of migration tests, such as {@code file://migrations}; overrides the env's. */
    public static final String TEST_DIR = "plumb.test.dir";

    /** The schema of the revisions table of migration tests; overrides the env's. */
    public static final String TEST_REVISIONS_SCHEMA = "plumb.test.revisions-schema";

    /** Input variables of test files and of the desired schema: {@code k=v} pairs separated by commas. */
    public static final String TEST_VARS = "plumb.test.vars";

    /**
     * Whether a file with migration tests gets the {@code lint} container of its migration directory's lint
     * results: {@code true} unless set to {@code false}.
     */
    public static final String LINT_ENABLED = "plumb.lint.enabled";

    /** How many of the newest migration files the {@code lint} container lints; overrides the env's {@code lint}. */
    public static final String LINT_LATEST = "plumb.lint.latest";

    /** The dev database of test files when nothing configures one: an in-memory SQLite database. */
    public static final String DEFAULT_DEV_URL = "sqlite://plumb-dev?mode=memory";

    /** Reads the settings from JUnit configuration parameters, which fall back to system properties. */
    public static PlumbConfiguration from(ConfigurationParameters parameters) {
        return from(parameters::get);
    }

    /** Reads the settings from system properties, for use outside the engine. */
    public static PlumbConfiguration fromSystemProperties() {
        return from(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /** Reads the settings through a lookup of configuration keys. */
    public static PlumbConfiguration from(Function<String, Optional<String>> lookup) {
        return new PlumbConfiguration(
                flag(lookup, UPDATE),
                flag(lookup, KEEP_WORK),
                flag(lookup, SHORT),
                lookup.apply(TIMEOUT).map(PlumbConfiguration::parseTimeout).orElse(RunnerOptions.DEFAULT_TIMEOUT),
                lookup.apply(WORK_ROOT).filter(value -> !value.isBlank()).map(Path::of),
                isParallel(lookup),
                lookup.apply(SCRIPT_DIALECT).map(String::strip).filter(value -> !value.isEmpty()));
    }

    /**
     * Returns runner options with these settings and the script extensions on the class path.
     *
     * @throws IllegalArgumentException when {@value #SCRIPT_DIALECT} names no known dialect
     */
    public RunnerOptions toRunnerOptions() {
        RunnerOptions options = RunnerOptions.defaults()
                .withUpdate(update)
                .withKeepWork(keepWork)
                .withShort(isShort)
                .withTimeout(timeout);
        if (scriptDialect.isPresent()) {
            // Parsed here so that a misspelt dialect fails the run once, not every script.
            options = options.withVariable(
                    ScriptDialect.VARIABLE,
                    ScriptTarget.parse(scriptDialect.get()).name());
        }
        return workRoot.map(options::withWorkRoot).orElse(options);
    }

    /**
     * Parses a time limit: an ISO-8601 duration ({@code PT2M}) or a whole number of seconds ({@code 120}).
     *
     * @throws IllegalArgumentException when the value is neither
     */
    public static Duration parseTimeout(String value) {
        String text = value.strip();
        Duration timeout;
        try {
            if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
                timeout = Duration.ofSeconds(Long.parseLong(text));
            } else {
                timeout = Duration.parse(text.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    TIMEOUT + ": expected an ISO-8601 duration or a number of seconds, found \"" + value + "\"", e);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(TIMEOUT + ": expected a positive duration, found \"" + value + "\"");
        }
        return timeout;
    }

    /**
     * Returns whether the engine runs in parallel: {@value #PARALLEL_ENABLED} decides when it is set; otherwise
     * {@value #JUPITER_PARALLEL_ENABLED} does when it is set, since a build that switched Jupiter's parallel
     * execution off (or on) in {@code junit-platform.properties} or on the command line most likely meant its whole
     * test run; otherwise parallel, as every script and test case has its own work directory and database.
     */
    static boolean isParallel(Function<String, Optional<String>> lookup) {
        // Jupiter's own switch is read as Jupiter reads it (anything but true is false); Plumb's strictly.
        return setting(lookup, PARALLEL_ENABLED)
                .map(value -> parseFlag(PARALLEL_ENABLED, value))
                .or(() -> setting(lookup, JUPITER_PARALLEL_ENABLED).map(Boolean::parseBoolean))
                .orElse(true);
    }

    /**
     * Reads a switch: {@code true} or {@code false}, in any case. Anything else is an error rather than false, so
     * that a misspelt {@code plumb.update=yes} is not silently ignored.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static boolean parseFlag(String key, String value) {
        String text = value.strip();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + ": expected true or false, found \"" + value + "\"");
    }

    private static Optional<String> setting(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static boolean flag(Function<String, Optional<String>> lookup, String key) {
        return setting(lookup, key).map(value -> parseFlag(key, value)).orElse(false);
    }
}
