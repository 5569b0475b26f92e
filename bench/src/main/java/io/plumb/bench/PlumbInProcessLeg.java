package io.plumb.bench;

import io.plumb.cli.CliEnvironment;
import io.plumb.cli.Plumb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * A {@code PlumbInProcessLeg} runs {@code plumb migrate apply} through {@link Plumb#execute} in the bench's own JVM,
 * after warm-up, so that the figure shows what the command costs without JVM start-up and a cold JIT.
 *
 * @param dir the migration directory in Plumb's layout
 * @param workingDirectory the working directory the command sees
 */
public record PlumbInProcessLeg(Path dir, Path workingDirectory) implements MigrateLeg {

    @Override
    public String name() {
        return "plumb (in process, warm)";
    }

    @Override
    public void apply(Path database) throws LegFailure {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env =
                CliEnvironment.of(workingDirectory, System.getenv(), new PrintWriter(out), new PrintWriter(err));
        int exit;
        try {
            exit = Plumb.execute(env, "migrate", "apply", "--url", "sqlite://" + database, "--dir", "file://" + dir);
        } catch (RuntimeException e) {
            throw new LegFailure(name() + ": migrate apply threw " + e, e);
        }
        if (exit != 0) {
            throw new LegFailure(name() + ": migrate apply exited with " + exit + ": "
                    + err.toString().strip());
        }
    }
}
