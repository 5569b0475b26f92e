package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code SpecBlock} is a block being read by the {@link SpecReader}: it rejects attributes and nested blocks the
 * schema language does not define (to catch typos), and reads attributes by kind with errors that name the block.
 */
public final class SpecBlock {

    private final Resource resource;
    private final String owner;

    private SpecBlock(Resource resource, String owner) {
        this.resource = resource;
        this.owner = owner;
    }

    /**
     * Returns the block, after checking that it has only the given attributes and nested block types.
     *
     * @param owner the block as error messages name it: {@code column "id" of table "users"}
     */
    public static SpecBlock of(Resource resource, String owner, Set<String> attributes, Set<String> blocks) {
        for (Attribute attribute : resource.attributes()) {
            if (!attributes.contains(attribute.name())) {
                throw new HclException(
                        attribute.namePos(), "unsupported attribute \"" + attribute.name() + "\" in " + owner);
            }
        }
        for (Resource child : resource.children()) {
            if (!blocks.contains(child.type())) {
                throw new HclException(child.pos(), "unsupported block \"" + child.type() + "\" in " + owner);
            }
        }
        return new SpecBlock(resource, owner);
    }

    /** Returns the names of the given attributes, for {@link #of}. */
    public static Set<String> names(List<SpecAttribute> attributes, String... more) {
        Set<String> names = new HashSet<>(Set.of(more));
        attributes.forEach(a -> names.add(a.name()));
        return names;
    }

    /** Returns the block as error messages name it. */
    public String owner() {
        return owner;
    }

    /** Returns where the block starts. */
    public Pos pos() {
        return resource.pos();
    }

    /** Returns the block being read. */
    public Resource resource() {
        return resource;
    }

    /** Returns the attribute, unless it is absent or null (which HCL treats as absent). */
    public Optional<Attribute> attribute(String name) {
        // A loop rather than Resource.attribute's stream: readers look up every attribute of every block.
        for (Attribute attribute : resource.attributes()) {
            if (attribute.name().equals(name)) {
                return attribute.value() instanceof Value.Null ? Optional.empty() : Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** Returns the attribute, or fails with {@code OWNER: missing NAME}. */
    public Attribute required(String name) {
        return attribute(name).orElseThrow(() -> new HclException(pos(), owner + ": missing " + name));
    }

    /** Returns a string attribute, if present; fails for another kind of value. */
    public Optional<String> string(String name) {
        return attribute(name).map(a -> {
            if (a.value() instanceof Value.Str str) {
                return str.value();
            }
            throw expected(a, "a string");
        });
    }

    /** Returns a bool attribute, false when absent. */
    public boolean bool(String name) {
        return attribute(name).map(this::bool).orElse(false);
    }

    /** Returns the value of a bool attribute; fails for another kind of value. */
    public boolean bool(Attribute attribute) {
        if (attribute.value() instanceof Value.Bool bool) {
            return bool.value();
        }
        throw expected(attribute, "a bool");
    }

    /** Returns the nested blocks of a type, in order. */
    public List<Resource> blocks(String type) {
        List<Resource> blocks = new ArrayList<>();
        for (Resource child : resource.children()) {
            if (child.type().equals(type)) {
                blocks.add(child);
            }
        }
        return blocks;
    }

    /** Returns the only block of a type, if any; fails when there are several. */
    public Optional<Resource> block(String type) {
        List<Resource> blocks = blocks(type);
        if (blocks.size() > 1) {
            throw new HclException(blocks.get(1).pos(), owner + ": multiple " + type + " blocks");
        }
        return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(0));
    }

    /** Returns an error about an attribute's value: {@code attribute "null" of OWNER: expected X, found Y}. */
    public HclException expected(Attribute attribute, String what) {
        return new HclException(
                attribute.pos(),
                "attribute \"" + attribute.name() + "\" of " + owner + ": expected " + what + ", found "
                        + attribute.value().kind());
    }

    // Names only: the reader that owns the table checks that the columns exist.
    private List<String> localColumns(Attribute attribute) {
        if (!(attribute.value() instanceof Value.ListValue list)) {
            throw expected(attribute, "a list of column references");
        }
        List<String> names = new ArrayList<>();
        for (Value element : list.elements()) {
            if (!(element instanceof Value.Ref ref)
                    || ref.path().size() != 2
                    || !ref.path().get(0).equals("column")) {
                throw new HclException(
                        attribute.pos(),
                        "attribute \"" + attribute.name() + "\" of " + owner
                                + ": expected a column reference (column.NAME), found " + element.kind());
            }
            names.add(ref.path().get(1));
        }
        return names;
    }

    /** Returns the block's only label, or fails: blocks such as {@code column} and {@code index} need a name. */
    public static String label(Resource resource, String owner) {
        if (resource.labels().size() != 1) {
            throw new HclException(
                    resource.pos(),
                    resource.type() + " block of " + owner + ": expected 1 label, found "
                            + resource.labels().size());
        }
        return resource.labels().get(0);
    }

    /** Returns the block's optional label, or the empty string; fails for more than one. */
    public static String optionalLabel(Resource resource, String owner) {
        return resource.labels().isEmpty() ? "" : label(resource, owner);
    }

    /** Reads the dialect's attributes into their HCL spellings, in the dialect's order; absent ones are left out. */
    public Map<String, String> options(List<SpecAttribute> specs) {
        Map<String, String> options = new LinkedHashMap<>();
        for (SpecAttribute spec : specs) {
            Optional<Attribute> attribute = attribute(spec.name());
            if (attribute.isPresent()) {
                option(spec, attribute.get()).ifPresent(v -> options.put(spec.name(), v));
            }
        }
        return options;
    }

    private Optional<String> option(SpecAttribute spec, Attribute attribute) {
        Value value = attribute.value();
        switch (spec.kind()) {
            case STRING:
                return Optional.of(string(spec.name()).orElseThrow());
            case BOOL:
                return Optional.of(Boolean.toString(bool(attribute)));
            case FLAG:
                return bool(attribute) ? Optional.of("true") : Optional.empty();
            case NUMBER:
                if (value instanceof Value.Num num) {
                    return Optional.of(num.value().toPlainString());
                }
                throw expected(attribute, "a number");
            case IDENT:
                if (value instanceof Value.Ident ident) {
                    return Optional.of(ident.name());
                }
                if (value instanceof Value.Str str) {
                    return Optional.of(str.value());
                }
                throw expected(attribute, "an identifier");
            case SQL_IDENT:
                if (value instanceof Value.Ident ident) {
                    return Optional.of(ident.name());
                }
                if (value instanceof Value.Str str) {
                    return Optional.of(str.value());
                }
                if (value instanceof Value.RawSql raw) {
                    return Optional.of(raw.sql());
                }
                throw expected(attribute, "an identifier or sql(\"...\")");
            case COLUMNS:
                return Optional.of(String.join(",", localColumns(attribute)));
        }
        throw new IllegalStateException("unknown attribute kind " + spec.kind());
    }
}
