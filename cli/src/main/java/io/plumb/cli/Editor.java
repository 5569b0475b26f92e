package io.plumb.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code Editor} is the user's {@code $EDITOR} (default {@code vi}), run on a file with the terminal handed over,
 * as {@code migrate new --edit} and {@code migrate diff --edit} do.
 */
final class Editor {

    private static final String DEFAULT = "vi";

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
        // $EDITOR may carry arguments ("code --wait"), as shells that run it word-split it.
        List<String> command = new ArrayList<>(List.of(editor.split("\\s+")));
        command.add(file.toString());
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
        if (status != 0) {
            throw new EngineFailure("the editor \"" + editor + "\" exited with status " + status + " on " + shown
                    + "; the file is kept");
        }
    }
}
