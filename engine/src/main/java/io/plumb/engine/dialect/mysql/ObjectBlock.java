package io.plumb.engine.dialect.mysql;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code ObjectBlock} is a {@code view}, {@code function}, {@code procedure}, {@code trigger} or {@code event}
 * block (or a block nested in one) being read: it rejects attributes and blocks the language does not define, and
 * reads attributes by kind, with errors at their {@code file:line:col} that name the block.
 */
final class ObjectBlock {

    private final Resource resource;
    private final String owner;

    private ObjectBlock(Resource resource, String owner) {
        this.resource = resource;
        this.owner = owner;
    }

    /** Returns the block after checking its attributes and nested block types. */
    static ObjectBlock of(Resource resource, String owner, Set<String> attributes, Set<String> blocks) {
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
        return new ObjectBlock(resource, owner);
    }

    /** Returns the only label of a block, or fails. */
    static String label(Resource resource, String what) {
        if (resource.labels().size() != 1) {
            throw new HclException(
                    resource.pos(),
                    what + " block: expected 1 label, found "
                            + resource.labels().size());
        }
        return resource.labels().get(0);
    }

    String owner() {
        return owner;
    }

    Resource resource() {
        return resource;
    }

    Optional<Attribute> attribute(String name) {
        return resource.attribute(name).filter(a -> !(a.value() instanceof Value.Null));
    }

    Attribute required(String name) {
        return attribute(name).orElseThrow(() -> new HclException(resource.pos(), owner + ": missing " + name));
    }

    Optional<String> string(String name) {
        return attribute(name).map(a -> {
            if (a.value() instanceof Value.Str str) {
                return str.value();
            }
            throw expected(a, "a string");
        });
    }

    /** Returns a bool attribute, or empty when absent. */
    Optional<Boolean> bool(String name) {
        return attribute(name).map(a -> {
            if (a.value() instanceof Value.Bool b) {
                return b.value();
            }
            throw expected(a, "a bool");
        });
    }

    /** Returns an identifier (or string) attribute that must be one of {@code allowed}, upper-cased. */
    Optional<String> keyword(String name, List<String> allowed) {
        return attribute(name).map(a -> {
            String value;
            if (a.value() instanceof Value.Ident ident) {
                value = ident.name();
            } else if (a.value() instanceof Value.Str str) {
                value = str.value();
            } else {
                throw expected(a, "one of " + String.join(", ", allowed));
            }
            String upper = value.toUpperCase(Locale.ROOT).replace(' ', '_');
            if (!allowed.contains(upper)) {
                throw new HclException(
                        a.pos(),
                        "attribute \"" + name + "\" of " + owner + ": expected one of " + String.join(", ", allowed)
                                + ", found " + value);
            }
            return upper;
        });
    }

    /** Returns a reference attribute's path ({@code table.t} is {@code [table, t]}). */
    Optional<List<String>> ref(String name) {
        return attribute(name).map(a -> {
            if (a.value() instanceof Value.Ref ref) {
                return ref.path();
            }
            throw expected(a, "a reference");
        });
    }

    HclException expected(Attribute attribute, String what) {
        return new HclException(
                attribute.pos(),
                "attribute \"" + attribute.name() + "\" of " + owner + ": expected " + what + ", found "
                        + attribute.value().kind());
    }
}
