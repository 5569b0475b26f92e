package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

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
        walk(e, (root, steps) -> {
            if (root.equals("data") && steps.size() >= 2) {
                String type = name(steps.get(0));
                String name = name(steps.get(1));
                if (type != null && name != null) {
                    data.add(new Address(type, name));
                }
            } else if (root.equals("local") && !steps.isEmpty()) {
                String name = name(steps.get(0));
                if (name != null) {
                    locals.add(name);
                }
            }
        });
    }

    /** Returns whether an expression reads {@code root.attribute}, such as {@code atlas.env}. */
    static boolean reads(Expression e, String root, String attribute) {
        boolean[] found = {false};
        walk(e, (variable, steps) -> {
            if (variable.equals(root) && !steps.isEmpty() && attribute.equals(name(steps.get(0)))) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** Calls the visitor with every traversal of a variable in the expression: its name and its steps in order. */
    private static void walk(Expression e, BiConsumer<String, List<Expression>> visitor) {
        if (e instanceof Expression.GetAttr || e instanceof Expression.Index || e instanceof Expression.Variable) {
            traversal(e, visitor);
        } else if (e instanceof Expression.Template t) {
            t.parts().forEach(p -> walk(p, visitor));
        } else if (e instanceof Expression.Splat s) {
            walk(s.source(), visitor);
            walk(s.each(), visitor);
        } else if (e instanceof Expression.Call c) {
            c.args().forEach(a -> walk(a, visitor));
        } else if (e instanceof Expression.Unary u) {
            walk(u.operand(), visitor);
        } else if (e instanceof Expression.Binary b) {
            walk(b.left(), visitor);
            walk(b.right(), visitor);
        } else if (e instanceof Expression.Conditional c) {
            walk(c.condition(), visitor);
            walk(c.whenTrue(), visitor);
            walk(c.whenFalse(), visitor);
        } else if (e instanceof Expression.Parens p) {
            walk(p.inner(), visitor);
        } else if (e instanceof Expression.Tuple t) {
            t.elements().forEach(x -> walk(x, visitor));
        } else if (e instanceof Expression.ObjectCons o) {
            for (Expression.ObjectItem item : o.items()) {
                walk(item.key(), visitor);
                walk(item.value(), visitor);
            }
        } else if (e instanceof Expression.For f) {
            walk(f.collection(), visitor);
            if (f.keyResult() != null) {
                walk(f.keyResult(), visitor);
            }
            walk(f.valueResult(), visitor);
            if (f.condition() != null) {
                walk(f.condition(), visitor);
            }
        }
    }

    private static void traversal(Expression e, BiConsumer<String, List<Expression>> visitor) {
        List<Expression> steps = new ArrayList<>();
        Expression root = e;
        while (root instanceof Expression.GetAttr || root instanceof Expression.Index) {
            steps.add(root);
            if (root instanceof Expression.Index index) {
                walk(index.key(), visitor);
                root = index.source();
            } else {
                root = ((Expression.GetAttr) root).source();
            }
        }
        Collections.reverse(steps);
        if (root instanceof Expression.Variable v) {
            visitor.accept(v.name(), steps);
        } else if (!steps.isEmpty()) {
            walk(root, visitor);
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
