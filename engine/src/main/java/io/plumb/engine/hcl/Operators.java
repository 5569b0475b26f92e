package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.math.MathContext;

/** {@code Operators} applies HCL's unary and binary operators to evaluated operands. */
final class Operators {

    private Operators() {}

    static Value unary(TokenKind op, Value operand, Pos pos) {
        if (op == TokenKind.BANG) {
            return new Value.Bool(!Conversions.toBool(operand, pos, "operand of \"!\""));
        }
        return new Value.Num(
                Conversions.toNumber(operand, pos, "operand of \"-\"").negate());
    }

    static Value binary(TokenKind op, Value left, Value right, Pos pos) {
        switch (op) {
            case EQEQ -> {
                return new Value.Bool(Conversions.equal(left, right));
            }
            case NEQ -> {
                return new Value.Bool(!Conversions.equal(left, right));
            }
            case AND, OR -> {
                boolean l = bool(op, left, right, pos, left);
                boolean r = bool(op, left, right, pos, right);
                return new Value.Bool(op == TokenKind.AND ? l && r : l || r);
            }
            default -> {
                return numeric(op, number(op, left, right, pos, left), number(op, left, right, pos, right), pos);
            }
        }
    }

    private static Value numeric(TokenKind op, BigDecimal l, BigDecimal r, Pos pos) {
        return switch (op) {
            case PLUS -> new Value.Num(Numbers.checked(l.add(r), pos));
            case MINUS -> new Value.Num(Numbers.checked(l.subtract(r), pos));
            case STAR -> new Value.Num(Numbers.checked(l.multiply(r), pos));
            case SLASH -> new Value.Num(divide(l, r, pos));
            case PERCENT -> {
                nonZero(r, pos);
                Numbers.checkQuotient(l, r, pos);
                yield new Value.Num(l.remainder(r));
            }
            case LT -> new Value.Bool(l.compareTo(r) < 0);
            case LE -> new Value.Bool(l.compareTo(r) <= 0);
            case GT -> new Value.Bool(l.compareTo(r) > 0);
            case GE -> new Value.Bool(l.compareTo(r) >= 0);
            default -> throw new IllegalArgumentException("not a binary operator: " + op);
        };
    }

    static BigDecimal divide(BigDecimal l, BigDecimal r, Pos pos) {
        nonZero(r, pos);
        BigDecimal q = Numbers.checked(l.divide(r, MathContext.DECIMAL128), pos);
        return q.signum() == 0 ? BigDecimal.ZERO : q.stripTrailingZeros();
    }

    private static void nonZero(BigDecimal r, Pos pos) {
        if (r.signum() == 0) {
            throw new HclException(pos, "division by zero");
        }
    }

    private static BigDecimal number(TokenKind op, Value left, Value right, Pos pos, Value operand) {
        try {
            return Conversions.toNumber(operand, pos, "operand");
        } catch (HclException e) {
            throw new HclException(
                    pos,
                    "operator " + op.description() + " expects numbers, found " + Conversions.describe(left) + " and "
                            + Conversions.describe(right));
        }
    }

    private static boolean bool(TokenKind op, Value left, Value right, Pos pos, Value operand) {
        try {
            return Conversions.toBool(operand, pos, "operand");
        } catch (HclException e) {
            throw new HclException(
                    pos,
                    "operator " + op.description() + " expects bools, found " + Conversions.describe(left) + " and "
                            + Conversions.describe(right));
        }
    }
}
