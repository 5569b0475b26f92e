package io.plumb.engine.hcl;

import java.util.Optional;
import java.util.Set;

/**
 * {@code ScopedEnums} reads a bare word such as {@code atlas} or {@code golang-migrate} (which parses as a
 * subtraction) as a string, where the attribute accepts it: the reference's project files write {@code format = atlas}
 * in a {@code migration} block.
 */
final class ScopedEnums {

    private ScopedEnums() {}

    static Optional<String> word(EvalOptions options, String blockType, String attribute, Expression e) {
        Set<String> words = options.scopedEnums().get(blockType + "." + attribute);
        if (words == null) {
            return Optional.empty();
        }
        return text(e).filter(words::contains);
    }

    private static Optional<String> text(Expression e) {
        if (e instanceof Expression.Variable v) {
            return Optional.of(v.name());
        }
        if (e instanceof Expression.Binary b && b.op() == TokenKind.MINUS) {
            return text(b.left()).flatMap(l -> text(b.right()).map(r -> l + "-" + r));
        }
        return Optional.empty();
    }
}
