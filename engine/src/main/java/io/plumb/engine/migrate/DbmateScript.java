package io.plumb.engine.migrate;

import java.util.List;
import java.util.Optional;

/**
 * {@code DbmateScript} reads a dbmate migration: the lines between {@code -- migrate:up} and {@code --
 * migrate:down} run up, split into statements as any migration file. {@code -- migrate:up transaction:false} runs
 * the file outside a transaction.
 */
final class DbmateScript {

    private static final String PREFIX = "-- migrate:";
    private static final String UP = "-- migrate:up";

    private DbmateScript() {}

    /**
     * Reads a dbmate file.
     *
     * @throws MigrationFileException at a misplaced or unknown annotation or option, a statement before {@code --
     *     migrate:up}, or a file without {@code -- migrate:up}
     */
    static MigrationScript parse(MigrationFile file, ScannerOptions options) {
        List<String> lines = UpSection.lines(file.text());
        UpSection up = new UpSection(file, options);
        boolean inUp = false;
        boolean noTransaction = false;
        Optional<String> down = Optional.empty();
        for (int i = 0; i < lines.size() && down.isEmpty(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (!line.startsWith(PREFIX)) {
                if (inUp) {
                    up.plain(number, line);
                } else {
                    GooseScript.requireNoStatement(file, line, number, UP);
                }
                continue;
            }
            String[] words = line.substring(PREFIX.length()).strip().split("\\s+");
            switch (words[0]) {
                case "up" -> {
                    if (inUp) {
                        throw new MigrationFileException(
                                file.name(), number, 1, "unexpected -- migrate:up: a file has one up section");
                    }
                    inUp = true;
                    noTransaction = noTransaction(file, line, number, words);
                }
                case "down" -> {
                    if (!inUp) {
                        throw new MigrationFileException(
                                file.name(), number, 1, "unexpected -- migrate:down: expected it after -- migrate:up");
                    }
                    down = Optional.of(String.join("\n", lines.subList(i + 1, lines.size())));
                }
                default -> throw new MigrationFileException(
                        file.name(),
                        number,
                        PREFIX.length() + 1,
                        "unknown dbmate annotation \"" + words[0] + "\": expected up or down");
            }
        }
        if (!inUp) {
            throw new MigrationFileException(
                    file.name(), 1, 1, "no -- migrate:up annotation: dbmate runs the lines after it");
        }
        FileDirectives directives = file.directives();
        return new MigrationScript(
                file,
                noTransaction ? UpSection.noTransaction(directives) : directives,
                List.of(),
                up.statements(),
                down);
    }

    // dbmate's one option: transaction:true (the default) or transaction:false.
    private static boolean noTransaction(MigrationFile file, String line, int number, String[] words) {
        boolean none = false;
        for (int w = 1; w < words.length; w++) {
            String option = words[w];
            if (option.equals("transaction:false")) {
                none = true;
            } else if (!option.equals("transaction:true")) {
                throw new MigrationFileException(
                        file.name(),
                        number,
                        line.indexOf(option) + 1,
                        "unknown dbmate option \"" + option + "\": expected transaction:true or transaction:false");
            }
        }
        return none;
    }
}
