package io.plumb.engine.project;

import io.plumb.engine.diff.ChangeKind;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.plan.ConcurrentIndex;
import io.plumb.engine.source.HclSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ProjectFile} is an evaluated {@code atlas.hcl} (or {@code plumb.hcl}): its environments and its global
 * diff policy.
 *
 * <p>The file is evaluated for one selected environment name, bound as {@code atlas.env}, so that an unlabelled
 * {@code env { name = atlas.env }} block matches any name. Labelled blocks win over unlabelled ones.
 */
public final class ProjectFile {

    /** The attributes of an env block that are settings; every other attribute is an input variable. */
    private static final Set<String> SETTINGS =
            Set.of("name", "url", "dev", "src", "schemas", "exclude", "include", "for_each");

    /** The bare words project attributes accept as strings, as the reference's scoped enums. */
    private static final Map<String, Set<String>> SCOPED_ENUMS = Map.of(
            "migration.format",
            Set.of("atlas", "golang-migrate", "goose", "flyway", "liquibase", "dbmate"),
            "migration.exec_order",
            Set.of("LINEAR", "LINEAR_SKIP", "NON_LINEAR"),
            "lint.review",
            Set.of("ALWAYS", "WARNING", "ERROR"));

    private final Path directory;
    private final Document document;
    private final DiffPolicy globalDiff;

    private ProjectFile(Path directory, Document document) {
        this.directory = directory;
        this.document = document;
        this.globalDiff = document.resources("diff").stream()
                .findFirst()
                .map(ProjectFile::diffPolicy)
                .orElse(DiffPolicy.none());
    }

    /**
     * Loads and evaluates a project file for the selected environment.
     *
     * @param file the project file
     * @param display the file's name in messages
     * @param variables the {@code --var} values
     * @param getenv the process environment
     * @param envName the selected environment, bound as {@code atlas.env}; empty when none is selected
     * @throws ProjectException when the file does not exist or is a directory
     * @throws HclException when it is malformed
     */
    public static ProjectFile load(
            Path file,
            String display,
            Map<String, Value> variables,
            Function<String, @Nullable String> getenv,
            String envName) {
        if (Files.isDirectory(file)) {
            throw new ProjectException("config file \"" + display + "\" is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ProjectException("config file \"" + display + "\" was not found");
        }
        Value atlas = new Value.ObjectValue(Map.of("env", new Value.Str(envName)));
        Path parent = file.toAbsolutePath().getParent();
        Path directory = parent == null ? Path.of("/") : parent;
        Document document = HclSources.evaluateProject(
                file,
                display,
                variables,
                getenv,
                Map.of("atlas", atlas),
                new ProjectDataSources(directory),
                SCOPED_ENUMS,
                envName);
        return new ProjectFile(directory, document);
    }

    /** Returns the project's global diff policy, from a top-level {@code diff} block. */
    public DiffPolicy globalDiff() {
        return globalDiff;
    }

    /** Returns the evaluated document, for settings other features read. */
    public Document document() {
        return document;
    }

    /**
     * Returns the instances of the named environment (several when it uses {@code for_each}).
     *
     * @throws ProjectException when no env block has that name
     */
    public List<Env> envs(String name) {
        List<Resource> labelled = new ArrayList<>();
        List<Resource> unlabelled = new ArrayList<>();
        for (Resource block : document.resources("env")) {
            if (block.labels().isEmpty()) {
                if (nameAttribute(block).isEmpty()) {
                    throw new HclException(block.pos(), "all envs must have names");
                }
                if (nameAttribute(block).get().equals(name)) {
                    unlabelled.add(block);
                }
            } else if (block.labels().get(0).equals(name)) {
                labelled.add(block);
            }
        }
        List<Resource> selected = labelled.isEmpty() ? unlabelled : labelled;
        if (selected.isEmpty()) {
            throw new ProjectException("env \"" + name + "\" not defined in config file");
        }
        return selected.stream().map(block -> env(name, block)).toList();
    }

    private Env env(String name, Resource block) {
        Map<String, Value> variables = new LinkedHashMap<>();
        for (Attribute attribute : block.attributes()) {
            if (!SETTINGS.contains(attribute.name())) {
                variables.put(attribute.name(), attribute.value());
            }
        }
        DiffPolicy diff = block.children("diff").stream()
                .findFirst()
                .map(ProjectFile::diffPolicy)
                .orElse(globalDiff);
        return new Env(
                name,
                string(block, "url"),
                string(block, "dev"),
                block.strings("src").stream().map(this::sourceUrl).toList(),
                block.strings("schemas"),
                block.strings("exclude"),
                diff,
                variables,
                block,
                block.pos());
    }

    private String sourceUrl(String src) {
        if (src.contains("://")) {
            return src;
        }
        return "file://" + directory.resolve(src).normalize();
    }

    private static Optional<String> nameAttribute(Resource block) {
        return string(block, "name");
    }

    private static Optional<String> string(Resource block, String attribute) {
        Optional<Attribute> found = block.attribute(attribute);
        if (found.isEmpty() || found.get().value() instanceof Value.Null) {
            return Optional.empty();
        }
        if (found.get().value() instanceof Value.Str s) {
            return Optional.of(s.value());
        }
        throw new HclException(
                found.get().pos(),
                "attribute \"" + attribute + "\" of env: expected a string, found "
                        + found.get().value().kind());
    }

    private static DiffPolicy diffPolicy(Resource diff) {
        Set<ChangeKind> skip = EnumSet.noneOf(ChangeKind.class);
        for (Resource block : diff.children("skip")) {
            for (Attribute attribute : block.attributes()) {
                ChangeKind kind;
                try {
                    kind = ChangeKind.fromKey(attribute.name());
                } catch (IllegalArgumentException e) {
                    throw new HclException(attribute.namePos(), String.valueOf(e.getMessage()));
                }
                if (!(attribute.value() instanceof Value.Bool b)) {
                    throw new HclException(
                            attribute.pos(),
                            "skip \"" + attribute.name() + "\": expected a bool, found "
                                    + attribute.value().kind());
                }
                if (b.value()) {
                    skip.add(kind);
                }
            }
        }
        ConcurrentIndex concurrent = diff.children("concurrent_index").stream()
                .findFirst()
                .map(ProjectFile::concurrentIndex)
                .orElse(ConcurrentIndex.none());
        return new DiffPolicy(skip, concurrent);
    }

    // concurrent_index { create = true  drop = true }; the reference spells create "add" too.
    private static ConcurrentIndex concurrentIndex(Resource block) {
        boolean create = false;
        boolean drop = false;
        for (Attribute attribute : block.attributes()) {
            if (!(attribute.value() instanceof Value.Bool b)) {
                throw new HclException(
                        attribute.pos(),
                        "concurrent_index \"" + attribute.name() + "\": expected a bool, found "
                                + attribute.value().kind());
            }
            switch (attribute.name()) {
                case "create", "add" -> create = b.value();
                case "drop" -> drop = b.value();
                default -> throw new HclException(
                        attribute.namePos(),
                        "unsupported attribute \"" + attribute.name()
                                + "\" in concurrent_index: expected create, add or drop");
            }
        }
        return new ConcurrentIndex(create, drop);
    }
}
