package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.spec.SpecBlock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code ObjectBlock} is a top-level block of a PostgreSQL object ({@code sequence}, {@code domain}, {@code
 * composite}, {@code extension}, {@code policy}) being read: it rejects attributes and nested blocks the block does
 * not define, and reads attributes by kind with errors that name the object: the shared {@link SpecBlock} with the
 * readers PostgreSQL's object blocks add (references, keywords, numbers, lists).
 */
final class ObjectBlock {

    private final SpecBlock block;
    private final Resource resource;
    private final String owner;

    private ObjectBlock(SpecBlock block) {
        this.block = block;
        this.resource = block.resource();
        this.owner = block.owner();
    }

    /** Returns the block, checked to have one label and only the given attributes and nested block types. */
    static ObjectBlock of(Resource resource, Set<String> attributes, Set<String> blocks) {
        if (resource.labels().size() != 1) {
            throw new HclException(
                    resource.pos(),
                    resource.type() + " block: expected 1 label, found "
                            + resource.labels().size());
        }
        String owner = resource.type() + " \"" + resource.labels().get(0) + "\"";
        return nested(resource, owner, attributes, blocks);
    }

    /** Returns a nested block, checked to have only the given attributes and nested block types. */
    static ObjectBlock nested(Resource resource, String owner, Set<String> attributes, Set<String> blocks) {
        return new ObjectBlock(SpecBlock.of(resource, owner, attributes, blocks));
    }

    String name() {
        return resource.labels().get(0);
    }

    String owner() {
        return owner;
    }

    Resource resource() {
        return resource;
    }

    /** Returns the attribute, unless it is absent or null. */
    Optional<Attribute> attribute(String name) {
        return block.attribute(name);
    }

    /** Returns the schema named by the {@code schema} attribute, which must be one the document declares. */
    String schema(Set<String> schemas) {
        Attribute attribute =
                attribute("schema").orElseThrow(() -> new HclException(resource.pos(), owner + ": missing schema"));
        List<String> path = ref(attribute, "schema", 2);
        if (!schemas.contains(path.get(1))) {
            throw new HclException(attribute.pos(), owner + ": schema \"" + path.get(1) + "\" not found");
        }
        return path.get(1);
    }

    /** Returns the path of a reference attribute whose first step is {@code kind}, of {@code size} steps. */
    List<String> ref(Attribute attribute, String kind, int... sizes) {
        if (attribute.value() instanceof Value.Ref ref && ref.path().get(0).equals(kind)) {
            for (int size : sizes) {
                if (ref.path().size() == size) {
                    return ref.path();
                }
            }
        }
        throw expected(attribute, "a " + kind + " reference");
    }

    Optional<String> string(String name) {
        return block.string(name);
    }

    /** Returns an attribute that is an identifier ({@code SELECT}) or a string, upper-cased as SQL keywords are. */
    Optional<String> keyword(String name) {
        return attribute(name).map(a -> {
            if (a.value() instanceof Value.Ident ident) {
                return ident.name().toUpperCase(java.util.Locale.ROOT);
            }
            if (a.value() instanceof Value.Str str) {
                return str.value().toUpperCase(java.util.Locale.ROOT);
            }
            throw expected(a, "an identifier");
        });
    }

    Optional<Long> number(String name) {
        return attribute(name).map(a -> {
            if (a.value() instanceof Value.Num num) {
                try {
                    return num.value().longValueExact();
                } catch (ArithmeticException e) {
                    throw expected(a, "an integer");
                }
            }
            throw expected(a, "a number");
        });
    }

    Optional<Boolean> bool(String name) {
        return attribute(name).map(a -> {
            if (a.value() instanceof Value.Bool bool) {
                return bool.value();
            }
            throw expected(a, "a bool");
        });
    }

    /** Returns the elements of a list attribute, or an empty list when it is absent. */
    List<Value> list(String name) {
        Optional<Attribute> attribute = attribute(name);
        if (attribute.isEmpty()) {
            return List.of();
        }
        if (attribute.get().value() instanceof Value.ListValue list) {
            return new ArrayList<>(list.elements());
        }
        throw expected(attribute.get(), "a list");
    }

    HclException expected(Attribute attribute, String what) {
        return block.expected(attribute, what);
    }

    HclException error(String message) {
        return new HclException(resource.pos(), owner + ": " + message);
    }

    /** Returns an HCL number's text for a long. */
    static String number(long value) {
        return new BigDecimal(value).toPlainString();
    }
}
