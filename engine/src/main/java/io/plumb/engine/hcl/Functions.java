package io.plumb.engine.hcl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        RegexFunctions.register(m);
        CollectionFunctions.register(m);
        ConversionFunctions.register(m);
        NumericFunctions.register(m);
        UrlFunctions.register(m);
        JsonFunctions.register(m);
        return Map.copyOf(m);
    }

    private static Value file(CallArgs a) {
        Path path = a.dir().resolve(a.str(0));
        try {
            return new Value.Str(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw a.error("file \"" + a.str(0) + "\" does not exist (looked for " + path + ")");
        } catch (IOException e) {
            throw a.error("cannot read file \"" + a.str(0) + "\": " + e.getMessage());
        }
    }
}
