package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code DataReferences} finds the {@code data.TYPE.NAME} and {@code local.NAME} references of expressions and
 * block bodies, so that data blocks are resolved in dependency order and only when something refers to them.
 */
final class DataReferences {

    /** The address of a data block: its type and name. */
    record Address(String type, String name) {
        @Override
        public String toString() {
            return "data." + type + "." + name;
        }
    }

    private DataReferences() {}

    /** Adds the references of every attribute of a body and of its nested blocks. */
    static void ofBody(Body body, Set<Address> data, Set<String> locals) {
        for (AttributeNode attribute : body.attributes()) {
            of(attribute.expression(), data, locals);
        }
        for (BlockNode block : body.blocks()) {
            ofBody(block.body(), data, locals);
        }
    }

    /** Adds the references of an expression. */
    static void of(Expression e, Set<Address> data, Set<String> locals) {
        if (e instanceof Expression.GetAttr || e instanceof Expression.Index) {
            traversal(e, data, locals);
        } else if (e instanceof Expression.Template t) {
            t.parts().forEach(p -> of(p, data, locals));
        } else if (e instanceof Expression.Splat s) {
            of(s.source(), data, locals);
            of(s.each(), data, locals);
        } else if (e instanceof Expression.Call c) {
            c.args().forEach(a -> of(a, data, locals));
        } else if (e instanceof Expression.Unary u) {
            of(u.operand(), data, locals);
        } else if (e instanceof Expression.Binary b) {
            of(b.left(), data, locals);
            of(b.right(), data, locals);
        } else if (e instanceof Expression.Conditional c) {
            of(c.condition(), data, locals);
            of(c.whenTrue(), data, locals);
            of(c.whenFalse(), data, locals);
        } else if (e instanceof Expression.Parens p) {
            of(p.inner(), data, locals);
        } else if (e instanceof Expression.Tuple t) {
            t.elements().forEach(x -> of(x, data, locals));
        } else if (e instanceof Expression.ObjectCons o) {
            for (Expression.ObjectItem item : o.items()) {
                of(item.key(), data, locals);
                of(item.value(), data, locals);
            }
        } else if (e instanceof Expression.For f) {
            of(f.collection(), data, locals);
            if (f.keyResult() != null) {
                of(f.keyResult(), data, locals);
            }
            of(f.valueResult(), data, locals);
            if (f.condition() != null) {
                of(f.condition(), data, locals);
            }
        }
    }

    private static void traversal(Expression e, Set<Address> data, Set<String> locals) {
        List<Expression> steps = new ArrayList<>();
        Expression root = e;
        while (root instanceof Expression.GetAttr || root instanceof Expression.Index) {
            steps.add(root);
            if (root instanceof Expression.Index index) {
                of(index.key(), data, locals);
                root = index.source();
            } else {
                root = ((Expression.GetAttr) root).source();
            }
        }
        Collections.reverse(steps);
        if (!(root instanceof Expression.Variable v)) {
            of(root, data, locals);
            return;
        }
        if (v.name().equals("data") && steps.size() >= 2) {
            String type = name(steps.get(0));
            String name = name(steps.get(1));
            if (type != null && name != null) {
                data.add(new Address(type, name));
            }
        } else if (v.name().equals("local") && !steps.isEmpty()) {
            String name = name(steps.get(0));
            if (name != null) {
                locals.add(name);
            }
        }
    }

    private static @org.jspecify.annotations.Nullable String name(Expression step) {
        if (step instanceof Expression.GetAttr g) {
            return g.name();
        }
        if (step instanceof Expression.Index i
                && i.key() instanceof Expression.Template t
                && t.parts().size() == 1
                && t.parts().get(0) instanceof Expression.Literal l
                && l.value() instanceof Value.Str s) {
            return s.value();
        }
        return null;
    }
}
