package io.plumb.runner.internal;

import io.plumb.runner.ScriptFailure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@code TerminalLauncher} starts a program with a pseudo-terminal as its controlling terminal, for {@code
 * ttyin}. Java cannot open a pseudo-terminal itself, so the program runs under util-linux {@code script}, which
 * feeds the terminal from its standard input and copies what the program writes to the terminal to its output.
 * The program's own standard output and error still go to files, as with a plain {@code exec}.
 */
final class TerminalLauncher {
    private static final List<String> SCRIPT_LOCATIONS = List.of("/usr/bin/script", "/bin/script");

    private TerminalLauncher() {}

    static ProcessLauncher.Started start(ScriptState state, Path executable, List<String> args, String ttyin)
            throws ProcessLauncher.StartException {
        Path script = scriptProgram()
                .orElseThrow(() -> new ProcessLauncher.StartException(
                        "ttyin: no pseudo-terminal available (util-linux 'script' not found)"));
        try {
            Path out = ProcessLauncher.scratchFile(state, ".stdout", "");
            Path err = ProcessLauncher.scratchFile(state, ".stderr", "");
            Path tty = ProcessLauncher.scratchFile(state, ".ttyout", "");
            Path ttyInput = ProcessLauncher.scratchFile(state, ".ttyin", ttyin);
            StringBuilder command = new StringBuilder("exec ").append(shellQuote(executable.toString()));
            for (String arg : args) {
                command.append(' ').append(shellQuote(arg));
            }
            command.append(" >").append(shellQuote(out.toString()));
            command.append(" 2>").append(shellQuote(err.toString()));
            if (!state.isTtyinStdin()) {
                command.append(" <")
                        .append(shellQuote(ProcessLauncher.stdinFile(state).toString()));
            }
            ProcessBuilder builder = ProcessLauncher.inScript(
                            state,
                            List.of(
                                    script.toString(),
                                    "-q",
                                    "-e",
                                    "-c",
                                    command.toString(),
                                    ProcessLauncher.nullDevice()))
                    .redirectInput(ttyInput.toFile())
                    .redirectOutput(tty.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            return new ProcessLauncher.Started(builder.start(), out, err, tty);
        } catch (IOException e) {
            throw new ScriptFailure("ttyin: starting " + executable + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> scriptProgram() {
        return SCRIPT_LOCATIONS.stream()
                .map(Path::of)
                .filter(p -> Files.isExecutable(p) && !File.separator.equals("\\"))
                .findFirst();
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
