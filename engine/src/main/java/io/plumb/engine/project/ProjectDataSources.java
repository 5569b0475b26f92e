package io.plumb.engine.project;

import io.plumb.engine.hcl.DataSources;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.source.HclSchemaUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ProjectDataSources} are the {@code data} blocks a project file may hold. {@code data "hcl_schema"} names HCL
 * schema files ({@code path} or {@code paths}, relative to the project file) and the input variables they are
 * evaluated with ({@code vars}); its {@code url} attribute is a desired-state URL for an env's {@code src}.
 */
final class ProjectDataSources implements DataSources {

    private final Path directory;

    ProjectDataSources(Path directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Value> resolve(String type, String name, Map<String, Value> attributes, Pos pos) {
        if (!type.equals("hcl_schema")) {
            return Optional.empty();
        }
        List<Path> paths = new ArrayList<>();
        Value path = attributes.get("path");
        Value many = attributes.get("paths");
        if ((path == null) == (many == null)) {
            throw new HclException(
                    pos, "data \"hcl_schema\" \"" + name + "\": exactly one of path or paths is required");
        }
        if (path != null) {
            paths.add(directory.resolve(string(path, name, "path", pos)).normalize());
        } else if (many instanceof Value.ListValue list) {
            for (Value element : list.elements()) {
                paths.add(directory.resolve(string(element, name, "paths", pos)).normalize());
            }
        } else {
            throw new HclException(pos, "data \"hcl_schema\" \"" + name + "\": paths must be a list of strings");
        }
        Map<String, String> vars = new LinkedHashMap<>();
        Value given = attributes.get("vars");
        if (given instanceof Value.ObjectValue object) {
            object.fields().forEach((key, value) -> vars.put(key, scalar(value, name, key, pos)));
        } else if (given != null && !(given instanceof Value.Null)) {
            throw new HclException(pos, "data \"hcl_schema\" \"" + name + "\": vars must be an object");
        }
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("url", new Value.Str(HclSchemaUrl.format(name, paths, vars)));
        return Optional.of(new Value.ObjectValue(fields));
    }

    private static String string(Value value, String name, String attribute, Pos pos) {
        if (value instanceof Value.Str s) {
            return s.value();
        }
        throw new HclException(
                pos, "data \"hcl_schema\" \"" + name + "\": " + attribute + " expects strings, found " + value.kind());
    }

    private static String scalar(Value value, String name, String key, Pos pos) {
        if (value instanceof Value.Str s) {
            return s.value();
        } else if (value instanceof Value.Num n) {
            return n.value().toPlainString();
        } else if (value instanceof Value.Bool b) {
            return String.valueOf(b.value());
        }
        throw new HclException(
                pos,
                "data \"hcl_schema\" \"" + name + "\": variable \"" + key
                        + "\" must be a string, number or bool, found " + value.kind());
    }
}
