package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code Value} is the result of evaluating an HCL expression.
 *
 * <p>Besides HCL's own values (strings, numbers, bools, null, lists and objects), evaluation keeps the parts of a
 * schema file that only a schema reader can interpret: {@link Ref references} to other blocks, bare {@link Ident
 * identifiers} such as type names and enum constants, {@link TypeCall calls} of type constructors such as {@code
 * varchar(255)}, and {@link RawSql raw SQL} from {@code sql("...")}.
 */
public sealed interface Value {

    /** Returns a short name of the value's kind for error messages: {@code string}, {@code list}, ... */
    String kind();

    /** A string. */
    record Str(String value) implements Value {
        @Override
        public String kind() {
            return "string";
        }
    }

    /** A number. */
    record Num(BigDecimal value) implements Value {
        @Override
        public String kind() {
            return "number";
        }
    }

    /** A bool. */
    record Bool(boolean value) implements Value {
        @Override
        public String kind() {
            return "bool";
        }
    }

    /** The null value. */
    record Null() implements Value {
        @Override
        public String kind() {
            return "null";
        }
    }

    /** A list, tuple or set, in order (sets keep first-seen order and no duplicates). */
    record ListValue(List<Value> elements) implements Value {
        public ListValue {
            elements = List.copyOf(elements);
        }

        @Override
        public String kind() {
            return "list";
        }
    }

    /** An object or map, in insertion order. */
    record ObjectValue(Map<String, Value> fields) implements Value {
        public ObjectValue {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String kind() {
            return "object";
        }
    }

    /**
     * A reference to a block, kept unresolved: {@code table.users.column.id} is the path {@code [table, users,
     * column, id]}, {@code column.id} is {@code [column, id]}.
     */
    record Ref(List<String> path) implements Value {
        public Ref {
            path = List.copyOf(path);
        }

        @Override
        public String kind() {
            return "reference";
        }

        @Override
        public String toString() {
            return String.join(".", path);
        }
    }

    /** A bare identifier that no scope binds, such as the type {@code int} or the action {@code CASCADE}. */
    record Ident(String name) implements Value {
        @Override
        public String kind() {
            return "identifier";
        }
    }

    /** A call of a function the evaluator does not know, such as the type {@code varchar(255)}. */
    record TypeCall(String name, List<Value> args) implements Value {
        public TypeCall {
            args = List.copyOf(args);
        }

        // A call of a name that is no function is a type where a type is expected (varchar(255)); anywhere else it
        // is a misspelt or unsupported function, and messages say so.
        @Override
        public String kind() {
            return "a call of the unknown function \"" + name + "\"";
        }
    }

    /** Raw SQL, the result of {@code sql("...")}. */
    record RawSql(String sql) implements Value {
        @Override
        public String kind() {
            return "sql";
        }
    }
}
