package io.plumb.cli;

import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import io.plumb.txtar.TxtarException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code FuzzSeed} is one valid input of the malformed-input fuzz test, read from a txtar file under {@code
 * testdata/badinput}: its comment says which command runs it ({@code args:}), which file is mutated ({@code
 * mutate:}), which migration directory is rehashed before the run ({@code rehash:}, a {@code --dir} URL relative to
 * the work directory), whether the command may print more than one line on standard error ({@code report:}),
 * and whether it may rewrite the mutated file even when it fails ({@code rewrites:}, update mode, which applies the
 * updates made before a failure as go-internal's testscript does).
 * A file that is itself a txtar archive is quoted, every line prefixed with {@code >}.
 *
 * @param name the seed's file name without {@code .txtar}
 * @param args the command line
 * @param mutate the path of the mutated file
 * @param rehash the directory to rehash, or empty
 * @param report whether the command reports through several lines (a test run, a lint report, the agent's log)
 * @param rewrites whether a failed run may rewrite the mutated file (whole, never half-written)
 * @param files the files of the work directory
 */
record FuzzSeed(
        String name,
        List<String> args,
        String mutate,
        Optional<String> rehash,
        boolean report,
        boolean rewrites,
        List<ArchiveFile> files) {

    static FuzzSeed read(Path file) throws IOException, TxtarException {
        Archive archive = Txtar.parse(Files.readString(file));
        List<String> args = new ArrayList<>();
        String mutate = "";
        Optional<String> rehash = Optional.empty();
        boolean report = false;
        boolean rewrites = false;
        for (String line : archive.comment().split("\n")) {
            if (line.startsWith("args: ")) {
                args.addAll(
                        Arrays.asList(line.substring("args: ".length()).trim().split(" +")));
            } else if (line.startsWith("mutate: ")) {
                mutate = line.substring("mutate: ".length()).trim();
            } else if (line.startsWith("rehash: ")) {
                rehash = Optional.of(line.substring("rehash: ".length()).trim());
            } else if (line.startsWith("rewrites: ")) {
                rewrites = Boolean.parseBoolean(
                        line.substring("rewrites: ".length()).trim());
            } else if (line.startsWith("report: ")) {
                report =
                        Boolean.parseBoolean(line.substring("report: ".length()).trim());
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.txtar$", "");
        if (args.isEmpty() || mutate.isEmpty()) {
            throw new IllegalArgumentException(file + ": a seed needs args: and mutate: lines");
        }
        // A file that is itself a txtar archive (a migration file with checks) is quoted with ">" in the seed.
        List<ArchiveFile> files = new ArrayList<>();
        for (ArchiveFile f : archive.files()) {
            files.add(f.data().startsWith(">") ? new ArchiveFile(f.name(), Txtar.unquote(f.data())) : f);
        }
        return new FuzzSeed(name, List.copyOf(args), mutate, rehash, report, rewrites, List.copyOf(files));
    }

    /** Returns the content of the mutated file as the seed gives it, or empty when it is made by the rehash. */
    Optional<String> mutatedText() {
        return files.stream()
                .filter(f -> f.name().equals(mutate))
                .map(ArchiveFile::data)
                .findFirst();
    }
}
