package io.plumb.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code PlumbProcessLeg} runs {@code java -jar plumb.jar migrate apply} as a new process, as a user or CI does:
 * its wall time includes JVM start-up, class loading and a cold JIT.
 *
 * @param java the {@code java} executable
 * @param jar the shaded CLI jar
 * @param dir the migration directory in Plumb's layout
 * @param log where the command's output goes
 */
public record PlumbProcessLeg(Path java, Path jar, Path dir, Path log) implements MigrateLeg {

    @Override
    public String name() {
        return "plumb (java -jar)";
    }

    @Override
    public void apply(Path database) throws LegFailure {
        List<String> command = List.of(
                java.toString(),
                "-jar",
                jar.toString(),
                "migrate",
                "apply",
                "--url",
                "sqlite://" + database,
                "--dir",
                "file://" + dir);
        new ProcessRun(command, null, log).run(name());
    }
}
