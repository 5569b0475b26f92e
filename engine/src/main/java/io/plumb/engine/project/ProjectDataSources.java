package io.plumb.engine.project;

import io.plumb.engine.hcl.DataSources;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.source.HclSchemaUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ProjectDataSources} are the {@code data} blocks a project file may hold:
 *
 * <ul>
 *   <li>{@code hcl_schema}: HCL schema files ({@code path} or {@code paths}, relative to the project file) and the
 *       input variables they are evaluated with ({@code vars}); its {@code url} is a desired state for an env's
 *       {@code src};
 *   <li>{@code sql}: the first column of a query's rows ({@link SqlQuerySource});
 *   <li>{@code external}: a program's standard output; {@code external_schema}: a program's standard output read
 *       as an SQL schema, as a desired-state {@code url} ({@link ProgramSource});
 *   <li>{@code composite_schema}: several desired states merged, as one {@code url} ({@link CompositeSource});
 *   <li>{@code template_dir}: a migration directory whose files are templates, rendered with {@code vars}, as a
 *       directory {@code url} ({@link TemplateDirSource});
 *   <li>{@code runtimevar}: a value read from a {@code file://} or {@code constant://} URL ({@link RuntimeVarSource}).
 * </ul>
 */
final class ProjectDataSources implements DataSources {

    private static final Set<String> TYPES = Set.of(
            "hcl_schema", "sql", "external", "external_schema", "composite_schema", "template_dir", "runtimevar");

    /**
     * The reference's data sources that need Atlas Cloud or a cloud provider's credentials: known, so that a project
     * file declaring one it does not use reads as it does in the reference, but an error when something uses one.
     */
    private static final Set<String> CLOUD_TYPES =
            Set.of("remote_dir", "remote_schema", "aws_rds_token", "gcp_cloudsql_token");

    private static final Set<String> KNOWN = java.util.stream.Stream.concat(TYPES.stream(), CLOUD_TYPES.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Path directory;

    ProjectDataSources(Path directory) {
        this.directory = directory;
    }

    @Override
    public Set<String> types() {
        return KNOWN;
    }

    @Override
    public Value resolve(Resource resource) {
        DataBlock block = new DataBlock(resource);
        if (CLOUD_TYPES.contains(block.type())) {
            throw block.error("the data source needs Atlas Cloud or a cloud provider's credentials, which Plumb does"
                    + " not support");
        }
        return switch (block.type()) {
            case "sql" -> new SqlQuerySource(directory).resolve(block);
            case "external" -> new ProgramSource(directory).output(block);
            case "external_schema" -> new ProgramSource(directory).schema(block);
            case "composite_schema" -> CompositeSource.resolve(block);
            case "template_dir" -> new TemplateDirSource(directory).resolve(block);
            case "runtimevar" -> new RuntimeVarSource(directory).resolve(block);
            default -> hclSchema(block);
        };
    }

    private Value hclSchema(DataBlock block) {
        block.allow(Set.of("path", "paths", "vars"), Set.of());
        List<Path> paths = new ArrayList<>();
        boolean one = block.attribute("path").isPresent();
        if (one == block.attribute("paths").isPresent()) {
            throw block.error("exactly one of path or paths is required");
        }
        if (one) {
            paths.add(directory.resolve(block.string("path")).normalize());
        } else {
            for (String path : block.strings("paths")) {
                paths.add(directory.resolve(path).normalize());
            }
        }
        Map<String, String> vars = new LinkedHashMap<>();
        block.attribute("vars").ifPresent(given -> {
            if (!(given.value() instanceof Value.ObjectValue object)) {
                throw block.error(
                        given.pos(),
                        "vars must be an object, found " + given.value().kind());
            }
            object.fields().forEach((key, value) -> vars.put(key, scalar(block, value, key, given.pos())));
        });
        return url(HclSchemaUrl.format(block.name(), paths, vars));
    }

    /** Returns the value of a data source that only has a URL. */
    static Value url(String url) {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("url", new Value.Str(url));
        return new Value.ObjectValue(fields);
    }

    private static String scalar(DataBlock block, Value value, String key, io.plumb.engine.hcl.Pos pos) {
        if (value instanceof Value.Str s) {
            return s.value();
        } else if (value instanceof Value.Num n) {
            return n.value().toPlainString();
        } else if (value instanceof Value.Bool b) {
            return String.valueOf(b.value());
        }
        throw block.error(pos, "variable \"" + key + "\" must be a string, number or bool, found " + value.kind());
    }
}
