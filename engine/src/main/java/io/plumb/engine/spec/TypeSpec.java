package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code TypeSpec} reads the {@code type} attribute of a column for dialects whose types are named: a bare
 * identifier ({@code integer}), a call ({@code varchar(255)}, {@code enum("a","b")}) or {@code sql("...")}.
 */
public final class TypeSpec {

    private TypeSpec() {}

    /**
     * Reads a type whose name must be one of {@code names} (HCL spelling, words joined by underscores). The model
     * keeps the name with spaces ({@code unsigned_big_int} is {@code unsigned big int}), numeric arguments as
     * decimal text and string arguments as quoted SQL strings.
     *
     * @param attribute the {@code type} attribute
     * @param owner the column, as error messages name it
     * @param names the type names the dialect knows
     * @throws HclException at the attribute for an unknown name or a value that is not a type
     */
    public static ColumnType read(Attribute attribute, String owner, Set<String> names) {
        Value value = attribute.value();
        if (value instanceof Value.RawSql raw) {
            return new ColumnType.Raw(raw.sql());
        }
        String name;
        List<Value> args;
        if (value instanceof Value.Ident ident) {
            name = ident.name();
            args = List.of();
        } else if (value instanceof Value.TypeCall call) {
            name = call.name();
            args = call.args();
        } else {
            throw new HclException(
                    attribute.pos(), "attribute \"type\" of " + owner + ": expected a type, found " + value.kind());
        }
        if (!names.contains(name)) {
            throw new HclException(attribute.pos(), owner + ": unknown type \"" + name + "\"");
        }
        List<String> sqlArgs = new ArrayList<>();
        for (Value arg : args) {
            if (arg instanceof Value.Num num) {
                sqlArgs.add(num.value().toPlainString());
            } else if (arg instanceof Value.Str str) {
                sqlArgs.add(SqlLiterals.quote(str.value()));
            } else {
                throw new HclException(
                        attribute.pos(),
                        owner + ": type \"" + name + "\": expected number or string arguments, found " + arg.kind());
            }
        }
        return new ColumnType.Named(name.replace('_', ' '), sqlArgs);
    }
}
