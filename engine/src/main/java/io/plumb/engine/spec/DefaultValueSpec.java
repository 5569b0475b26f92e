package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * {@code DefaultValueSpec} converts column defaults between the model's SQL text and HCL values, by the rules of
 * the reference tool's {@code specutil}.
 */
final class DefaultValueSpec {

    private static final List<String> RAW_PREFIXES = List.of("0x", "0X", "b'", "B'", "x'", "X'");

    private DefaultValueSpec() {}

    /**
     * Reads a {@code default} attribute: a string becomes a quoted SQL literal (its text as it is on a numeric or
     * boolean column, as the reference plans {@code default = "5"} on an {@code int} column: {@code DEFAULT 5}), a
     * number its digits, a bool {@code true} or {@code false}, and {@code sql("...")} a raw expression.
     */
    static DefaultValue read(Attribute attribute, String owner, ColumnType type) {
        Value value = attribute.value();
        if (value instanceof Value.Str str) {
            return new DefaultValue.Literal(isNumericOrBool(type) ? str.value() : SqlLiterals.quote(str.value()));
        }
        if (value instanceof Value.Num num) {
            return new DefaultValue.Literal(num.value().toPlainString());
        }
        if (value instanceof Value.Bool bool) {
            return new DefaultValue.Literal(Boolean.toString(bool.value()));
        }
        if (value instanceof Value.RawSql raw) {
            return new DefaultValue.RawExpr(raw.sql());
        }
        throw new HclException(
                attribute.pos(),
                "attribute \"default\" of " + owner + ": expected a string, number, bool or sql(\"...\"), found "
                        + value.kind());
    }

    /**
     * Writes a default as an HCL expression. Blob and bit literals and raw expressions are written as {@code
     * sql("...")}; quoted literals as strings; {@code true} and {@code false} as bools whatever the column type (as
     * the reference tool does); numbers as HCL numbers normalised like the reference tool's ({@code 1.50} is {@code
     * 1.5}), except on string columns where they stay strings as written; anything else as a string.
     */
    static String write(DefaultValue value, ColumnType type, SpecDialect dialect) {
        String sql = value.sql();
        if (value instanceof DefaultValue.RawExpr || RAW_PREFIXES.stream().anyMatch(sql::startsWith)) {
            return HclSyntax.sql(sql);
        }
        if (SqlLiterals.isQuoted(sql)) {
            return HclSyntax.quote(SqlLiterals.unquote(sql));
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return lower;
        }
        if (SqlLiterals.isNumber(sql)) {
            return dialect.isStringType(type) ? HclSyntax.quote(sql) : number(sql);
        }
        return HclSyntax.quote(sql);
    }

    private static final java.util.regex.Pattern NUMERIC_OR_BOOL = java.util.regex.Pattern.compile(
            "(tiny|small|medium|big)?int(eger)?[248]?( unsigned)?|unsigned big int|real|float[48]?"
                    + "|double( precision)?|numeric|decimal|dec|bool(ean)?");

    /**
     * Returns whether a column type is one the reference's planners write literal defaults of unquoted: integers,
     * decimals, floats and booleans (by the type's name, its arguments left out).
     */
    static boolean isNumericOrBool(ColumnType type) {
        String name = type instanceof ColumnType.Named named ? named.name() : type.sql();
        int args = name.indexOf('(');
        String bare = (args < 0 ? name : name.substring(0, args)).trim().toLowerCase(Locale.ROOT);
        return NUMERIC_OR_BOOL.matcher(bare).matches();
    }

    // The reference tool parses literals with a dot as float64 and others as int64 and prints the shortest form.
    private static String number(String sql) {
        String digits = sql.startsWith("+") ? sql.substring(1) : sql;
        if (digits.contains(".") || digits.contains("e") || digits.contains("E")) {
            return new BigDecimal(digits).stripTrailingZeros().toPlainString();
        }
        return new BigInteger(digits).toString();
    }
}
