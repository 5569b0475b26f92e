package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.spec.SpecAttribute;
import io.plumb.engine.spec.SpecBlock;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code IndexSpecCheck} refuses, where the HCL says it, the {@code index}, {@code unique} and {@code primary_key}
 * blocks that PostgreSQL cannot create, instead of planning SQL that the server refuses halfway through a plan.
 *
 * <p>A {@code unique} block takes the attributes of an index, as the reference reads it, but a UNIQUE constraint
 * is always a BTREE index over plain columns, never partial: {@code type} other than {@code BTREE}, {@code where},
 * {@code page_per_range} and parts with an expression, an order or an operator class are refused with a pointer to
 * the unique index that can have them. The same holds for a primary key's parts. An index block is refused an
 * access method that has no unique indexes or no {@code INCLUDE} columns, and {@code page_per_range} on a method
 * other than BRIN or out of the server's range.
 */
final class IndexSpecCheck {

    /** The largest {@code pages_per_range} of a BRIN index (PostgreSQL's {@code BRIN_MAX_PAGES_PER_RANGE}). */
    static final int MAX_PAGES_PER_RANGE = 131072;

    // The core access methods that have unique indexes and INCLUDE columns; an extension's method is not checked.
    private static final Set<String> CORE_METHODS = Set.of("btree", "hash", "gist", "spgist", "gin", "brin");
    private static final Set<String> INCLUDE_METHODS = Set.of("btree", "gist", "spgist");

    private IndexSpecCheck() {}

    /** Checks an {@code index} or {@code unique} block. */
    static void index(SpecBlock block, Index index) {
        operators(block, index);
        if (PostgresDdl.isExclusion(index)) {
            pagesPerRange(block, method(index), index.options().get(PostgresSpecDialect.PAGE_PER_RANGE));
            return;
        }
        if (PostgresDdl.isUnique(index)) {
            uniqueConstraint(block, index);
            return;
        }
        String method = method(index);
        Optional<Attribute> type = block.attribute(PostgresSpecDialect.TYPE);
        if (index.unique() && CORE_METHODS.contains(method) && !method.equals("btree")) {
            throw refused(
                    block,
                    type,
                    "access method " + shown(method) + " does not support unique indexes (only BTREE does)");
        }
        if (index.options().containsKey(PostgresSpecDialect.INCLUDE)
                && CORE_METHODS.contains(method)
                && !INCLUDE_METHODS.contains(method)) {
            throw refused(
                    block,
                    block.attribute(PostgresSpecDialect.INCLUDE),
                    "access method " + shown(method) + " does not support include columns (BTREE, GIST and SPGIST do)");
        }
        pagesPerRange(block, method, index.options().get(PostgresSpecDialect.PAGE_PER_RANGE));
    }

    /** Requires an operator on every part of an {@code exclude} block, and refuses one on the parts of any other. */
    private static void operators(SpecBlock block, Index index) {
        boolean exclusion = PostgresDdl.isExclusion(index);
        List<Resource> on = block.blocks("on");
        for (int i = 0; i < index.parts().size() && i < on.size(); i++) {
            Resource part = on.get(i);
            Optional<Attribute> op = part.attribute(SpecAttribute.OP);
            if (exclusion && op.isEmpty()) {
                throw new HclException(
                        part.pos(),
                        "part " + (i + 1) + " of " + block.owner()
                                + ": missing attribute \"op\", the operator the constraint compares it with (\"=\", \"&&\")");
            }
            if (!exclusion && op.isPresent()) {
                throw new HclException(
                        op.get().pos(),
                        "part " + (i + 1) + " of " + block.owner()
                                + ": attribute \"op\" belongs to the parts of an exclude constraint (an exclude block)");
            }
        }
    }

    /** Checks a {@code primary_key} block: its parts are plain columns. */
    static void primaryKey(SpecBlock block, PrimaryKey key) {
        plainParts(block, key.parts(), "a PRIMARY KEY", "");
    }

    private static void uniqueConstraint(SpecBlock block, Index index) {
        String method = method(index);
        if (!method.equals("btree")) {
            throw refused(
                    block,
                    block.attribute(PostgresSpecDialect.TYPE),
                    "a UNIQUE constraint is always a BTREE index, found " + shown(method)
                            + " (which has no unique indexes)");
        }
        if (index.where().isPresent()) {
            throw refused(
                    block,
                    block.attribute(SpecAttribute.WHERE),
                    "a UNIQUE constraint cannot be partial; a unique index (an index block with unique = true)"
                            + " can have a where predicate");
        }
        if (index.options().containsKey(PostgresSpecDialect.PAGE_PER_RANGE)) {
            throw refused(
                    block,
                    block.attribute(PostgresSpecDialect.PAGE_PER_RANGE),
                    "pages_per_range is a storage parameter of BRIN indexes, and a UNIQUE constraint is a BTREE"
                            + " index");
        }
        plainParts(
                block,
                index.parts(),
                "a UNIQUE constraint",
                "; a unique index (an index block with unique = true) can have it");
    }

    private static void pagesPerRange(SpecBlock block, String method, @Nullable String value) {
        Optional<Attribute> attribute = block.attribute(PostgresSpecDialect.PAGE_PER_RANGE);
        if (value == null) {
            return;
        }
        if (!method.equals("brin")) {
            throw refused(
                    block,
                    attribute,
                    "pages_per_range is a storage parameter of BRIN indexes, the index is " + shown(method));
        }
        if (!isPagesPerRange(value)) {
            throw refused(
                    block, attribute, "expected an integer from 1 to " + MAX_PAGES_PER_RANGE + ", found " + value);
        }
    }

    private static boolean isPagesPerRange(String value) {
        if (!value.matches("[0-9]+")) {
            return false;
        }
        BigInteger n = new BigInteger(value);
        return n.signum() > 0 && n.compareTo(BigInteger.valueOf(MAX_PAGES_PER_RANGE)) <= 0;
    }

    /** Refuses a part with an expression, an order or an operator class: a constraint lists column names only. */
    private static void plainParts(SpecBlock block, List<IndexPart> parts, String what, String hint) {
        List<Resource> on = block.blocks("on");
        for (int i = 0; i < parts.size(); i++) {
            IndexPart part = parts.get(i);
            if (part.isPlainColumn()) {
                continue;
            }
            String found;
            String attribute;
            if (part.isExpression()) {
                found = "an expression";
                attribute = "expr";
            } else if (part.desc()) {
                found = "desc";
                attribute = "desc";
            } else {
                attribute = part.options().keySet().iterator().next();
                found = attribute;
            }
            Resource resource = on.get(i);
            Pos pos = resource.attribute(attribute).map(Attribute::pos).orElse(resource.pos());
            throw new HclException(
                    pos,
                    "part " + (i + 1) + " of " + block.owner() + ": " + what + " lists plain columns only, found "
                            + found + hint);
        }
    }

    /** Returns the index's access method in lower case, {@code btree} when the block names none. */
    private static String method(Index index) {
        return index.options().getOrDefault(PostgresSpecDialect.TYPE, "btree").toLowerCase(Locale.ROOT);
    }

    private static String shown(String method) {
        return method.toUpperCase(Locale.ROOT);
    }

    private static HclException refused(SpecBlock block, Optional<Attribute> attribute, String why) {
        if (attribute.isEmpty()) {
            return new HclException(block.pos(), block.owner() + ": " + why);
        }
        Attribute a = attribute.get();
        return new HclException(a.pos(), "attribute \"" + a.name() + "\" of " + block.owner() + ": " + why);
    }
}
