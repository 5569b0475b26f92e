package io.plumb.engine.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GooseScript} reads a goose SQL migration: the lines between {@code -- +goose Up} and {@code -- +goose
 * Down} run up. Outside {@code -- +goose StatementBegin} ... {@code StatementEnd} they are split into statements as
 * any migration file; between them they are one statement, semicolons included. {@code -- +goose NO TRANSACTION}
 * runs the file outside a transaction.
 */
final class GooseScript {

    private static final String PREFIX = "-- +goose";

    private enum State {
        BEFORE,
        UP,
        BLOCK
    }

    private GooseScript() {}

    /**
     * Reads a goose file.
     *
     * @throws MigrationFileException at a misplaced or unknown annotation, a statement before {@code -- +goose Up},
     *     an unterminated {@code StatementBegin}, or a file without {@code -- +goose Up}
     */
    static MigrationScript parse(MigrationFile file, ScannerOptions options) {
        List<String> lines = UpSection.lines(file.text());
        UpSection up = new UpSection(file, options);
        State state = State.BEFORE;
        boolean noTransaction = false;
        int blockStart = 0;
        List<String> block = new ArrayList<>();
        Optional<String> down = Optional.empty();
        for (int i = 0; i < lines.size() && down.isEmpty(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (!line.startsWith(PREFIX)) {
                if (state == State.BLOCK) {
                    block.add(line);
                } else if (state == State.UP) {
                    up.plain(number, line);
                } else {
                    requireNoStatement(file, line, number);
                }
                continue;
            }
            String annotation = line.substring(PREFIX.length()).strip();
            switch (annotation.toUpperCase(Locale.ROOT)) {
                case "UP" -> {
                    require(file, state == State.BEFORE, number, "unexpected -- +goose Up: a file has one Up section");
                    state = State.UP;
                }
                case "DOWN" -> {
                    require(
                            file,
                            state == State.UP,
                            number,
                            "unexpected -- +goose Down: expected it after the Up"
                                    + " section, outside StatementBegin ... StatementEnd");
                    down = Optional.of(String.join("\n", lines.subList(i + 1, lines.size())));
                }
                case "STATEMENTBEGIN" -> {
                    require(
                            file,
                            state == State.UP,
                            number,
                            "unexpected -- +goose StatementBegin: expected it in"
                                    + " the Up section, outside another StatementBegin");
                    state = State.BLOCK;
                    blockStart = number + 1;
                    block.clear();
                }
                case "STATEMENTEND" -> {
                    require(
                            file,
                            state == State.BLOCK,
                            number,
                            "unexpected -- +goose StatementEnd: no StatementBegin" + " is open");
                    up.block(blockStart, block);
                    state = State.UP;
                }
                case "NO TRANSACTION" -> noTransaction = true;
                default -> throw new MigrationFileException(
                        file.name(),
                        number,
                        PREFIX.length() + 2,
                        "unknown goose annotation \"" + annotation + "\": expected Up, Down, StatementBegin,"
                                + " StatementEnd or NO TRANSACTION");
            }
        }
        if (state == State.BEFORE) {
            throw new MigrationFileException(
                    file.name(), 1, 1, "no -- +goose Up annotation: goose runs the lines after it");
        }
        if (state == State.BLOCK) {
            throw new MigrationFileException(
                    file.name(), blockStart - 1, 1, "-- +goose StatementBegin without -- +goose StatementEnd");
        }
        FileDirectives directives = file.directives();
        return new MigrationScript(
                file,
                noTransaction ? UpSection.noTransaction(directives) : directives,
                List.of(),
                up.statements(),
                down);
    }

    private static void require(MigrationFile file, boolean condition, int line, String detail) {
        if (!condition) {
            throw new MigrationFileException(file.name(), line, 1, detail);
        }
    }

    /** Refuses SQL before the up section, which the tool itself refuses; blank lines and comments are fine. */
    static void requireNoStatement(MigrationFile file, String line, int number, String marker) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
            throw new MigrationFileException(
                    file.name(),
                    number,
                    line.length() - line.stripLeading().length() + 1,
                    "statement before " + marker + ": only comments may precede it");
        }
    }

    private static void requireNoStatement(MigrationFile file, String line, int number) {
        requireNoStatement(file, line, number, "-- +goose Up");
    }
}
