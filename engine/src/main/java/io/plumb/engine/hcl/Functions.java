package io.plumb.engine.hcl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code Functions} is the registry of built-in HCL functions (Atlas's schemahcl standard library plus the project
 * file's {@code file} and {@code getenv}); a call of any other name stays a {@link Value.TypeCall}.
 */
final class Functions {

    private static final Map<String, FunctionDef> REGISTRY = build();

    /** Schema files and the SQL they embed are far smaller; the cap keeps a mistaken path from filling memory. */
    static final int MAX_FILE_BYTES = 16 << 20;

    private Functions() {}

    static @Nullable FunctionDef get(String name) {
        return REGISTRY.get(name);
    }

    private static Map<String, FunctionDef> build() {
        Map<String, FunctionDef> m = new HashMap<>();
        m.put("sql", FunctionDef.of(1, a -> new Value.RawSql(a.str(0))));
        m.put("file", FunctionDef.of(1, Functions::file));
        m.put("getenv", FunctionDef.of(1, a -> {
            String v = a.env().apply(a.str(0));
            return new Value.Str(v == null ? "" : v);
        }));
        StringFunctions.register(m);
        GlobFunction.register(m);
        SetFunctions.register(m);
        TimeFunctions.register(m);
        RegexFunctions.register(m);
        CollectionFunctions.register(m);
        ConversionFunctions.register(m);
        NumericFunctions.register(m);
        UrlFunctions.register(m);
        JsonFunctions.register(m);
        return Map.copyOf(m);
    }

    private static Value file(CallArgs a) {
        String name = a.str(0);
        Path path;
        try {
            path = a.dir().resolve(name);
        } catch (InvalidPathException e) {
            throw a.error("expected a file path, found \"" + name + "\": " + e.getReason());
        }
        if (Files.isDirectory(path)) {
            throw a.error("file \"" + name + "\" is a directory; expected a regular file");
        }
        if (!Files.exists(path)) {
            throw a.error("file \"" + name + "\" does not exist (looked for " + path + ")");
        }
        // A device such as /dev/zero or a pipe never ends or blocks: only regular files are read.
        if (!Files.isRegularFile(path)) {
            throw a.error("file \"" + name + "\" is not a regular file; expected a regular file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw a.error(
                        "file \"" + name + "\" is larger than " + MAX_FILE_BYTES + " bytes; expected a smaller file");
            }
            return new Value.Str(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            throw a.error("file \"" + name + "\" is not valid UTF-8");
        } catch (NoSuchFileException e) {
            throw a.error("file \"" + name + "\" does not exist (looked for " + path + ")");
        } catch (IOException e) {
            throw a.error("cannot read file \"" + name + "\": " + e.getMessage());
        }
    }
}
