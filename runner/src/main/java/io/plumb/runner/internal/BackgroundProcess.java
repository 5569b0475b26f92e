package io.plumb.runner.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code BackgroundProcess} is a program started with {@code exec ... &}, whose status {@code wait} checks.
 *
 * @param name the name from {@code &name&}, or empty
 * @param args the program's base name and arguments, for the log
 * @param process the running process
 * @param stdoutFile where its standard output goes
 * @param stderrFile where its standard error goes
 * @param negated whether the line had {@code !}, so the program is expected to fail
 */
record BackgroundProcess(
        String name, List<String> args, Process process, Path stdoutFile, Path stderrFile, boolean negated) {}
