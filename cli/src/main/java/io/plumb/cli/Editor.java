package io.plumb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code Editor} is the user's {@code $EDITOR} (default {@code vi}), run on a file with the terminal handed over,
 * as {@code migrate new --edit} and {@code migrate diff --edit} do.
 */
final class Editor {

    private static final String DEFAULT = "vi";
    private static final Path SHELL = Path.of("/bin/sh");
    private static final int COMMAND_NOT_FOUND = 127;

    private Editor() {}

    /**
     * Runs the editor on the file and waits for it to exit.
     *
     * @throws EngineFailure when the editor cannot be started or exits with a non-zero status
     */
    static void open(CliEnvironment env, Path file, String shown) {
        String editor = env.getenv("EDITOR")
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .orElse(DEFAULT);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SHELL)) {
            // As the reference tool, $EDITOR is a shell command the file's path is appended to, so it may carry
            // arguments ("code --wait") and redirections ("echo text >"); the path is passed as $1, unquoted by no one.
            command.addAll(List.of(SHELL.toString(), "-c", editor + " \"$1\"", "sh", file.toString()));
        } else {
            // Without a shell, the words of $EDITOR are the program and its arguments.
            command.addAll(List.of(editor.split("\\s+")));
            command.add(file.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(env.workingDirectory().toFile())
                .inheritIO();
        builder.environment().clear();
        builder.environment().putAll(env.environment());
        int status;
        try {
            status = builder.start().waitFor();
        } catch (IOException e) {
            throw new EngineFailure("cannot run the editor \"" + editor + "\" on " + shown + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineFailure("interrupted while the editor \"" + editor + "\" was open on " + shown);
        }
        if (status == COMMAND_NOT_FOUND && command.get(0).equals(SHELL.toString())) {
            throw new EngineFailure("cannot run the editor \"" + editor + "\" on " + shown
                    + ": command not found (the shell's exit status " + COMMAND_NOT_FOUND + ")");
        }
        if (status != 0) {
            throw new EngineFailure("the editor \"" + editor + "\" exited with status " + status + " on " + shown
                    + "; the file is kept");
        }
    }
}
