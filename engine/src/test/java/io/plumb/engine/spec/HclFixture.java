package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds evaluated HCL documents by hand, as the evaluator would produce them. Every attribute and block gets its
 * own line, in creation order, so that a test can assert which one an error points at.
 */
public final class HclFixture {

    private int line = 1;

    /** Returns a document of the given top-level blocks. */
    public static Document document(Resource... resources) {
        return new Document(List.of(resources));
    }

    private Pos next() {
        return new Pos("schema.hcl", line++, 3);
    }

    /** Returns an attribute. */
    public Attribute attr(String name, Value value) {
        return new Attribute(name, value, next());
    }

    /** Returns a block with one label (or none for an empty label) and the given attributes and nested blocks. */
    public Resource block(String type, String label, Object... items) {
        return labeled(type, label.isEmpty() ? List.of() : List.of(label), items);
    }

    /** Returns a block with the given labels and the given attributes and nested blocks. */
    public Resource labeled(String type, List<String> labels, Object... items) {
        List<Attribute> attributes = new ArrayList<>();
        List<Resource> children = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Attribute attribute) {
                attributes.add(attribute);
            } else {
                children.add((Resource) item);
            }
        }
        return new Resource(type, labels, attributes, children, next());
    }

    public static Value str(String value) {
        return new Value.Str(value);
    }

    public static Value num(String value) {
        return new Value.Num(new BigDecimal(value));
    }

    public static Value bool(boolean value) {
        return new Value.Bool(value);
    }

    public static Value ident(String name) {
        return new Value.Ident(name);
    }

    /** Returns a reference from its dotted spelling: {@code ref("table.orgs.column.id")}. */
    public static Value ref(String dotted) {
        return new Value.Ref(Arrays.asList(dotted.split("\\.")));
    }

    public static Value list(Value... elements) {
        return new Value.ListValue(List.of(elements));
    }

    public static Value call(String name, Value... args) {
        return new Value.TypeCall(name, List.of(args));
    }

    public static Value sql(String sql) {
        return new Value.RawSql(sql);
    }
}
