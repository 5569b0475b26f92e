package io.plumb.engine.project;

import io.plumb.engine.gotemplate.TemplateException;
import io.plumb.engine.gotemplate.TemplateFunction;
import io.plumb.engine.gotemplate.TemplateSet;
import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@code TemplateDirSource} is {@code data "template_dir" "NAME" { path = ...  vars = {...} }}: a migration
 * directory whose files are Go {@code text/template}s, as in the reference. Every file under {@code path} (relative
 * to the project file) is parsed, under its base name, so that one may {@code define} what another uses with
 * {@code template}; each top-level {@code *.sql} file is rendered with {@code vars} as its data ({@code {{ .Env
 * }}}); a key the vars do not have is an error. Its {@code url} names the rendered directory, with an {@code
 * atlas.sum} of the rendered files, wherever a migration directory URL goes ({@code migration { dir }}, {@code
 * --dir}). Unlike the reference, which copies what a command writes there back to {@code path}, a command that
 * writes into that directory ({@code migrate diff}, {@code new}, {@code hash}, {@code lint --fix}, {@code import})
 * fails before writing anything: the copy is deleted when the process ends, and an {@code atlas.sum} of rendered
 * files does not belong next to templates. Write new migrations to {@code path} itself.
 */
final class TemplateDirSource {

    // Go's built-ins that Plumb's templates do not have; the reference's template_dir adds no functions.
    private static final Map<String, TemplateFunction> UNSUPPORTED =
            unsupported("call", "html", "js", "slice", "urlquery");

    private final Path directory;

    TemplateDirSource(Path directory) {
        this.directory = directory;
    }

    Value resolve(DataBlock block) {
        block.allow(Set.of("path", "vars"), Set.of());
        String given = block.string("path");
        Path path = directory.resolve(given).normalize();
        if (!Files.isDirectory(path)) {
            throw block.error(block.attribute("path").orElseThrow().pos(), "path " + given + " is not a directory");
        }
        Map<String, Object> vars = vars(block);
        TemplateSet templates = new TemplateSet(UNSUPPORTED);
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile).sorted().forEach(sources::add);
        } catch (IOException e) {
            throw block.error("walk path " + given + ": " + e.getMessage());
        }
        List<String> migrations = new ArrayList<>();
        try {
            for (Path source : sources) {
                String name = source.getFileName().toString();
                String display = given.replaceAll("/+$", "") + "/" + path.relativize(source);
                templates.parse(display, name, read(block, source));
                if (path.equals(source.getParent()) && name.endsWith(".sql")) {
                    migrations.add(name);
                }
            }
        } catch (TemplateException e) {
            throw block.error("parsing template: " + e.getMessage());
        }
        Path rendered = DataFiles.directory(block.type(), block.name());
        for (String migration : migrations) {
            String text;
            try {
                text = templates.execute(migration, vars);
            } catch (TemplateException e) {
                throw block.error("executing template " + migration + ": " + e.getMessage());
            }
            try {
                Files.writeString(rendered.resolve(migration), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw block.error("writing file \"" + migration + "\": " + e.getMessage());
            }
        }
        try {
            MigrationDir.open("file://" + rendered, rendered).rehash();
        } catch (MigrateException e) {
            throw block.error("hashing the rendered directory: " + e.getMessage());
        }
        MigrationDir.markRendered(
                rendered,
                "data \"template_dir\" \"" + block.name() + "\" (" + block.pos() + "): it is rendered from the"
                        + " templates in " + given + " into a copy deleted when plumb exits; write the migration into "
                        + given
                        + " itself");
        return ProjectDataSources.url("file://" + rendered);
    }

    private static Map<String, TemplateFunction> unsupported(String... names) {
        Map<String, TemplateFunction> functions = new HashMap<>();
        for (String name : names) {
            functions.put(name, args -> {
                throw new TemplateException("function \"" + name + "\" is not supported by plumb's template_dir");
            });
        }
        return functions;
    }

    private static String read(DataBlock block, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw block.error("reading " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> vars(DataBlock block) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Optional<Attribute> given = block.attribute("vars");
        if (given.isEmpty()) {
            return vars;
        }
        if (!(given.get().value() instanceof Value.ObjectValue object)) {
            throw block.error(
                    given.get().pos(),
                    "attribute \"vars\" must be a map, found "
                            + given.get().value().kind());
        }
        object.fields().forEach((key, value) -> {
            Object converted = scalar(value);
            if (converted == null && value instanceof Value.ListValue list) {
                List<Object> elements = new ArrayList<>();
                for (Value element : list.elements()) {
                    Object scalar = scalar(element);
                    if (scalar == null
                            || (!elements.isEmpty()
                                    && scalar.getClass() != elements.get(0).getClass())) {
                        elements = null;
                        break;
                    }
                    elements.add(scalar);
                }
                converted = elements;
            }
            if (converted == null) {
                throw block.error(
                        given.get().pos(),
                        "attribute \"vars\" must be a map of strings, numbers, bools or lists of one of them;" + " \""
                                + key + "\" is a " + value.kind());
            }
            vars.put(key, converted);
        });
        return vars;
    }

    private static @org.jspecify.annotations.Nullable Object scalar(Value value) {
        if (value instanceof Value.Str s) {
            return s.value();
        }
        if (value instanceof Value.Num n) {
            // The reference hands numbers to templates as float64.
            return n.value().doubleValue();
        }
        if (value instanceof Value.Bool b) {
            return b.value();
        }
        return null;
    }
}
