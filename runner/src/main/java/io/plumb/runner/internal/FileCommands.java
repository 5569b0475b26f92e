package io.plumb.runner.internal;

import static io.plumb.runner.internal.Builtins.refuseNegation;
import static io.plumb.runner.internal.Builtins.usage;

import io.plumb.runner.ScriptFailure;
import io.plumb.txtar.Txtar;
import io.plumb.txtar.TxtarException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code FileCommands} are the builtins that create, change and check files. */
final class FileCommands {
    private static final PosixFilePermission[] PERMISSION_BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private FileCommands() {}

    static void chmod(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "chmod");
        usage(args.size() == 2, "chmod perm paths...");
        int mode = parseMode(args.get(0));
        Path path = ts.mkAbs(args.get(1));
        if (!hasPosixPermissions(path)) {
            throw new ScriptFailure("chmod " + path + ": the file system has no POSIX permissions");
        }
        try {
            Files.setPosixFilePermissions(path, permissions(mode));
        } catch (NoSuchFileException e) {
            throw new ScriptFailure("chmod " + path + ": no such file or directory", e);
        } catch (IOException e) {
            throw new ScriptFailure(ScriptState.describe("chmod " + path, e), e);
        }
    }

    static void cp(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "cp");
        usage(args.size() >= 2, "cp src... dst");
        Path dst = ts.mkAbs(Builtins.last(args));
        boolean dstIsDir = Files.isDirectory(dst);
        if (args.size() > 2 && !dstIsDir) {
            throw new ScriptFailure("cp: destination " + dst + " is not a directory");
        }
        for (String arg : args.subList(0, args.size() - 1)) {
            byte[] data;
            int mode;
            String source;
            if (arg.equals("stdout") || arg.equals("stderr") || arg.equals("ttyout")) {
                source = arg;
                data = ts.readFile(arg).getBytes(StandardCharsets.UTF_8);
                mode = 0666;
            } else {
                Path src = ts.mkAbs(arg);
                source = src.toString();
                if (!Files.exists(src)) {
                    throw new ScriptFailure("stat " + src + ": no such file or directory");
                }
                if (Files.isDirectory(src)) {
                    throw new ScriptFailure("read " + src + ": is a directory");
                }
                mode = modeOf(src);
                data = readBytes(src);
            }
            Path target = dstIsDir ? dst.resolve(Path.of(source).getFileName().toString()) : dst;
            write(target, data, mode);
        }
    }

    static void exists(ScriptState ts, boolean neg, List<String> args) {
        boolean readonly = !args.isEmpty() && args.get(0).equals("-readonly");
        List<String> files = readonly ? args.subList(1, args.size()) : args;
        usage(!files.isEmpty(), "exists [-readonly] file...");
        for (String file : files) {
            Path path = ts.mkAbs(file);
            boolean exists = Files.exists(path);
            if (exists && neg) {
                String what = Files.isDirectory(path) ? "directory" : "file";
                throw new ScriptFailure(what + " " + path + " unexpectedly exists");
            }
            if (!exists && !neg) {
                throw new ScriptFailure(path + " does not exist");
            }
            if (exists && !neg && readonly && (modeOf(path) & 0222) != 0) {
                throw new ScriptFailure(path + " exists but is writable");
            }
        }
    }

    static void mkdir(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "mkdir");
        usage(!args.isEmpty(), "mkdir dir...");
        for (String arg : args) {
            Path dir = ts.mkAbs(arg);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ScriptFailure(ScriptState.describe("mkdir " + dir, e), e);
            }
        }
    }

    static void mv(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "mv");
        usage(args.size() == 2, "mv old new");
        Path from = ts.mkAbs(args.get(0));
        Path to = ts.mkAbs(args.get(1));
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new ScriptFailure("rename " + from + " " + to + ": no such file or directory", e);
        } catch (IOException e) {
            throw new ScriptFailure(ScriptState.describe("rename " + from + " " + to, e), e);
        }
    }

    static void rm(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "rm");
        usage(!args.isEmpty(), "rm file...");
        for (String arg : args) {
            removeAll(ts.mkAbs(arg));
        }
    }

    static void symlink(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "symlink");
        usage(args.size() == 3 && args.get(1).equals("->"), "symlink file -> target");
        Path link = ts.mkAbs(args.get(0));
        try {
            // The target is used as written: relative to the link's own directory.
            Files.createSymbolicLink(link, Path.of(args.get(2)));
        } catch (IOException | UnsupportedOperationException e) {
            // The unchecked exception comes from file systems without symbolic links.
            throw new ScriptFailure(ScriptState.describe("symlink " + args.get(2) + " " + link, e), e);
        }
    }

    static void unix2dos(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "unix2dos");
        usage(!args.isEmpty(), "unix2dos paths...");
        for (String arg : args) {
            Path file = ts.mkAbs(arg);
            String text = ts.readText(file);
            StringBuilder dos = new StringBuilder(text.length() + text.length() / 16);
            int start = 0;
            while (start < text.length()) {
                int newline = text.indexOf('\n', start);
                int end = newline < 0 ? text.length() : newline;
                // Go's bufio.ScanLines drops a \r before the \n, so CRLF input stays CRLF.
                int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
                dos.append(text, start, lineEnd).append("\r\n");
                start = newline < 0 ? text.length() : newline + 1;
            }
            write(file, dos.toString().getBytes(StandardCharsets.UTF_8), 0666);
        }
    }

    static void unquote(ScriptState ts, boolean neg, List<String> args) {
        refuseNegation(neg, "unquote");
        usage(!args.isEmpty(), "unquote file...");
        for (String arg : args) {
            Path file = ts.mkAbs(arg);
            try {
                String text = Txtar.unquote(ts.readText(file));
                write(file, text.getBytes(StandardCharsets.UTF_8), 0666);
            } catch (TxtarException e) {
                throw new ScriptFailure(String.valueOf(e.getMessage()), e);
            }
        }
    }

    // ---- helpers shared with the runner

    /**
     * Removes a file or directory tree; a missing path is not an error. A directory that refuses a deletion is made
     * writable first, as go-internal's {@code rm} does, but only then, to keep the common case cheap.
     */
    static void removeAll(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                try {
                    Files.deleteIfExists(p);
                } catch (java.nio.file.AccessDeniedException e) {
                    Path parent = p.getParent();
                    if (parent != null) {
                        makeWritable(parent);
                    }
                    makeWritable(p);
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ScriptFailure(ScriptState.describe("remove " + path, e), e);
        }
    }

    private static void makeWritable(Path dir) {
        if (!hasPosixPermissions(dir)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(dir, permissions(0777));
        } catch (IOException e) {
            // Best effort, as go-internal's chmod before removal; the delete reports the real problem.
        }
    }

    /** Parses a mode as go-internal does, with {@code strconv.ParseUint(s, 8, 32)}: octal digits only. */
    private static int parseMode(String text) {
        long value;
        try {
            if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '7')) {
                throw new NumberFormatException(text);
            }
            value = Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new ScriptFailure("invalid mode: " + text, e);
        }
        if ((value & 0777) != value) {
            throw new ScriptFailure("invalid mode: " + text);
        }
        return (int) value;
    }

    private static boolean hasPosixPermissions(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < PERMISSION_BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(PERMISSION_BITS[bit]);
            }
        }
        return set;
    }

    static int modeOf(Path path) {
        if (!hasPosixPermissions(path)) {
            return Files.isWritable(path) ? 0666 : 0444;
        }
        try {
            int mode = 0;
            Set<PosixFilePermission> set = Files.getPosixFilePermissions(path);
            for (int bit = 0; bit < PERMISSION_BITS.length; bit++) {
                if (set.contains(PERMISSION_BITS[bit])) {
                    mode |= 1 << bit;
                }
            }
            return mode;
        } catch (IOException e) {
            return Files.isWritable(path) ? 0666 : 0444;
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScriptFailure(ScriptState.describe("read " + file, e), e);
        }
    }

    /** Writes a file; a new file gets {@code mode} (as Go's {@code os.WriteFile}, an existing one keeps its own). */
    static void write(Path file, byte[] data, int mode) {
        try {
            boolean isNew = !Files.exists(file);
            Files.write(file, data);
            // New files get 0666 less the umask anyway; only other modes need a chmod.
            if (isNew && mode != 0666 && hasPosixPermissions(file)) {
                // As a umask of 022 would.
                Files.setPosixFilePermissions(file, permissions(mode & ~0022));
            }
        } catch (NoSuchFileException e) {
            throw new ScriptFailure("open " + file + ": no such file or directory", e);
        } catch (IOException e) {
            throw new ScriptFailure(ScriptState.describe("open " + file, e), e);
        }
    }
}
