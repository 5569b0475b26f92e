package io.plumb.engine.project;

import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Value;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@code RuntimeVarSource} is {@code data "runtimevar" "NAME" { url = ... }}: a string read, when the project
 * file is evaluated, from one of the reference's runtime-variable URLs that make sense without a cloud account:
 * {@code file:///PATH} (the file's content, as is; a relative path is relative to the project file) and {@code
 * constant://?val=VALUE}. The value is used as {@code data.runtimevar.NAME}. Only the {@code string} decoder is
 * supported, as in the reference; cloud schemes ({@code awsparamstore}, {@code gcpsecretmanager}, {@code http},
 * ...) are an error that says so.
 */
final class RuntimeVarSource {

    private final Path directory;

    RuntimeVarSource(Path directory) {
        this.directory = directory;
    }

    Value resolve(DataBlock block) {
        block.allow(Set.of("url"), Set.of());
        String url = block.string("url");
        Pos at = block.attribute("url").orElseThrow().pos();
        int colon = url.indexOf("://");
        if (colon <= 0) {
            throw block.error(
                    at, "parsing url: \"" + url + "\" is not a URL such as file:///path or constant://?val=x");
        }
        String scheme = url.substring(0, colon);
        String rest = url.substring(colon + 3);
        int q = rest.indexOf('?');
        String location = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : rest.substring(q + 1));
        String decoder = query.getOrDefault("decoder", "string");
        if (!decoder.equals("string")) {
            throw block.error(at, "unsupported decoder: \"" + decoder + "\"; only decoder=string is supported");
        }
        return switch (scheme) {
            case "file" -> new Value.Str(file(block, at, location));
            case "constant" -> new Value.Str(query.getOrDefault("val", ""));
            default -> throw block.error(
                    at,
                    "unsupported scheme \"" + scheme + "\": plumb reads runtime variables from file:// and"
                            + " constant:// URLs only");
        };
    }

    private String file(DataBlock block, Pos at, String location) {
        String path = URLDecoder.decode(location.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.isEmpty()) {
            throw block.error(at, "parsing url: file:// names no file");
        }
        Path file = directory.resolve(path).normalize();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw block.error(at, "getting latest snapshot: file " + file + " does not exist");
        } catch (IOException e) {
            throw block.error(at, "getting latest snapshot: reading " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, String> query(String text) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(key, value);
        }
        return query;
    }
}
