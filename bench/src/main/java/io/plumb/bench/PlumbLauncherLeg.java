package io.plumb.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code PlumbLauncherLeg} runs {@code ./plumb migrate apply} as a new process, the command the README documents:
 * the launcher runs the same jar with C1 only and the class-data archive it made after the build, so its wall time
 * is what a user of a checkout pays, JVM start-up included.
 *
 * @param launcher the {@code plumb} launcher script at the repository root
 * @param dir the migration directory in Plumb's layout
 * @param log where the command's output goes
 */
public record PlumbLauncherLeg(Path launcher, Path dir, Path log) implements MigrateLeg {

    @Override
    public String name() {
        return "plumb (./plumb launcher)";
    }

    @Override
    public void apply(Path database) throws LegFailure {
        List<String> command = List.of(
                launcher.toString(), "migrate", "apply", "--url", "sqlite://" + database, "--dir", "file://" + dir);
        new ProcessRun(command, null, log).run(name());
    }
}
