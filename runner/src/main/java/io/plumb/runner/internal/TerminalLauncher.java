package io.plumb.runner.internal;

import io.plumb.runner.ScriptFailure;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
            Path tmp = Files.createDirectories(state.workDir().resolve(".tmp"));
            Path out = Files.createTempFile(tmp, "exec-", ".stdout");
            Path err = Files.createTempFile(tmp, "exec-", ".stderr");
            Path tty = Files.createTempFile(tmp, "exec-", ".ttyout");
            Path ttyInput = Files.createTempFile(tmp, "exec-", ".ttyin");
            Files.writeString(ttyInput, ttyin, StandardCharsets.UTF_8);
            StringBuilder command = new StringBuilder("exec ").append(shellQuote(executable.toString()));
            for (String arg : args) {
                command.append(' ').append(shellQuote(arg));
            }
            command.append(" >").append(shellQuote(out.toString()));
            command.append(" 2>").append(shellQuote(err.toString()));
            if (!state.isTtyinStdin()) {
                Optional<String> stdin = state.takeStdin();
                Path in = Path.of(ProcessLauncher.nullDevice());
                if (stdin.isPresent()) {
                    in = Files.createTempFile(tmp, "exec-", ".stdin");
                    Files.writeString(in, stdin.get(), StandardCharsets.UTF_8);
                }
                command.append(" <").append(shellQuote(in.toString()));
            }
            ProcessBuilder builder = new ProcessBuilder(
                            script.toString(), "-q", "-e", "-c", command.toString(), ProcessLauncher.nullDevice())
                    .directory(state.cwd().toFile())
                    .redirectInput(ttyInput.toFile())
                    .redirectOutput(tty.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(state.envMap());
            env.put("PWD", state.cwd().toString());
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
