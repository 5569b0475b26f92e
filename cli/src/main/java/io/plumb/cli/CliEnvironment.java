package io.plumb.cli;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code CliEnvironment} is the world one run of the command line sees: its working directory, environment
 * variables, standard input and output writers. It lets the whole CLI run in process, in tests and in scripts.
 *
 * @param workingDirectory the directory relative paths are resolved against, instead of the JVM's
 * @param environment the environment variables
 * @param stdin the standard input
 * @param out the standard output
 * @param err the standard error
 * @param clock the clock that dates new migration files, fixed in tests
 */
public record CliEnvironment(
        Path workingDirectory,
        Map<String, String> environment,
        InputStream stdin,
        PrintWriter out,
        PrintWriter err,
        Clock clock) {

    public CliEnvironment {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /** Returns an environment on the system clock. */
    public CliEnvironment(
            Path workingDirectory,
            Map<String, String> environment,
            InputStream stdin,
            PrintWriter out,
            PrintWriter err) {
        this(workingDirectory, environment, stdin, out, err, Clock.systemUTC());
    }

    /** Returns this environment with another clock. */
    public CliEnvironment withClock(Clock other) {
        return new CliEnvironment(workingDirectory, environment, stdin, out, err, other);
    }

    /** Returns an environment with empty standard input. */
    public static CliEnvironment of(
            Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        return new CliEnvironment(workingDirectory, environment, new ByteArrayInputStream(new byte[0]), out, err);
    }

    /** Returns the environment of this process: its current directory, variables and standard streams. */
    public static CliEnvironment ofProcess() {
        Charset charset = Charset.defaultCharset();
        return new CliEnvironment(
                Path.of("").toAbsolutePath(),
                System.getenv(),
                System.in,
                // Not System.out and System.err: a PrintStream swallows write errors and keeps no reason.
                CheckedWriter.of(new FileOutputStream(FileDescriptor.out), charset),
                CheckedWriter.of(new FileOutputStream(FileDescriptor.err), charset));
    }

    /** Returns the value of an environment variable, or empty when it is unset. */
    public Optional<String> getenv(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    /** Returns a path made absolute against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }

    /** Returns a path as output shows it: relative to the working directory when below it, with {@code /}. */
    public String display(Path path) {
        return display(workingDirectory, path);
    }

    /** Returns a path as output shows it, relative to {@code base} when below it, with {@code /}; {@code .} for base. */
    static String display(Path base, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
