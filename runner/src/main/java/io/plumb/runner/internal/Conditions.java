package io.plumb.runner.internal;

import io.plumb.runner.ScriptExtension;
import io.plumb.runner.ScriptFailure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Conditions} evaluates the {@code [cond]} prefixes of go-internal: the operating system and architecture in
 * Go's names, {@code unix}, {@code short}, {@code net}, {@code link}, {@code symlink}, {@code exec:prog}, and the
 * conditions extensions add.
 */
final class Conditions {
    private static final Set<String> KNOWN_OS = Set.of(
            "aix",
            "android",
            "darwin",
            "dragonfly",
            "freebsd",
            "hurd",
            "illumos",
            "ios",
            "js",
            "linux",
            "nacl",
            "netbsd",
            "openbsd",
            "plan9",
            "solaris",
            "windows",
            "zos");
    private static final Set<String> UNIX_OS = Set.of(
            "aix",
            "android",
            "darwin",
            "dragonfly",
            "freebsd",
            "hurd",
            "illumos",
            "ios",
            "linux",
            "netbsd",
            "openbsd",
            "solaris");
    private static final Set<String> KNOWN_ARCH = Set.of(
            "386",
            "amd64",
            "amd64p32",
            "arm",
            "armbe",
            "arm64",
            "arm64be",
            "loong64",
            "mips",
            "mipsle",
            "mips64",
            "mips64le",
            "mips64p32",
            "mips64p32le",
            "ppc",
            "ppc64",
            "ppc64le",
            "riscv",
            "riscv64",
            "s390",
            "s390x",
            "sparc",
            "sparc64",
            "wasm");
    private static final String OS = goos();
    private static final String ARCH = goarch();

    private Conditions() {}

    /**
     * Returns whether a condition holds, or empty when no one knows it.
     *
     * @param condition the text between the brackets, without {@code !}
     */
    static Optional<Boolean> evaluate(ScriptState ts, String condition) {
        if (condition.startsWith("exec:")) {
            String program = condition.substring("exec:".length());
            return Optional.of(ProcessLauncher.isOnPath(program, ts.getenv("PATH")));
        }
        Optional<Boolean> builtin =
                switch (condition) {
                    case "short" -> Optional.of(ts.options().isShort());
                    case "net" -> Optional.of(!ts.options().isShort());
                    case "link" -> Optional.of(!OS.equals("plan9") && !OS.equals("android"));
                    case "symlink" -> Optional.of(supportsSymlinks(ts.workDir()));
                    case "unix" -> Optional.of(UNIX_OS.contains(OS));
                    case "gc", "gccgo" -> Optional.of(false); // Go compilers; never true for Java
                    default -> Optional.empty();
                };
        if (builtin.isPresent()) {
            return builtin;
        }
        if (KNOWN_OS.contains(condition)) {
            return Optional.of(condition.equals(OS));
        }
        if (KNOWN_ARCH.contains(condition)) {
            return Optional.of(condition.equals(ARCH));
        }
        if (condition.matches("^go[1-9][0-9]*\\.[1-9][0-9]*$")) {
            return Optional.of(false);
        }
        for (ScriptExtension extension : ts.options().extensions()) {
            Optional<Boolean> answer;
            try {
                answer = extension.condition(ts, condition);
            } catch (RuntimeException e) {
                // As go-internal reports an error from Params.Condition.
                throw new ScriptFailure("bad condition " + GoQuote.quote(condition) + ": " + e.getMessage(), e);
            }
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private static boolean supportsSymlinks(Path dir) {
        return !File.separator.equals("\\") || Files.isWritable(dir);
    }

    private static String goos() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "darwin";
        }
        if (name.startsWith("sunos") || name.startsWith("solaris")) {
            return "solaris";
        }
        return name.replace(" ", "");
    }

    private static String goarch() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
    }
}
