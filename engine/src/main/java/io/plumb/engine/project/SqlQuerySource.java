package io.plumb.engine.project;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.InvalidUrlException;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code SqlQuerySource} is {@code data "sql" "NAME" { url = ...  query = ...  args = [...] }}: it runs the query
 * on the database the URL names (any URL Plumb opens) with the arguments bound as parameters ({@code $1}, {@code $2}
 * on PostgreSQL, {@code ?} elsewhere), and gives the first column of the rows: {@code count}, {@code value} (the
 * first row's, null when there is none) and {@code values} (every row's).
 *
 * <p>As in the reference, a column value must be a string, a number or a bool: a NULL, a date or an array is an
 * error naming its row (cast it to text in the query). Decimals come back as strings, as the reference's drivers
 * return them.
 */
final class SqlQuerySource {

    private final Path directory;

    SqlQuerySource(Path directory) {
        this.directory = directory;
    }

    Value resolve(DataBlock block) {
        block.allow(Set.of("url", "query", "args"), Set.of());
        String url = block.string("url");
        String query = block.string("query");
        List<Object> args = args(block);
        Database database;
        try {
            database = Database.open(url, directory);
        } catch (InvalidUrlException | DatabaseException e) {
            throw block.error(block.attribute("url").orElseThrow().pos(), "opening connection: " + e.getMessage());
        }
        try (database) {
            return run(block, database, query, args);
        }
    }

    private static Value run(DataBlock block, Database database, String query, List<Object> args) {
        boolean postgres = database.dialect().name().equals("postgres");
        PostgresParameters.Query prepared =
                postgres ? PostgresParameters.of(query) : new PostgresParameters.Query(query, positional(args));
        for (int index : prepared.order()) {
            if (index < 1 || index > args.size()) {
                throw block.error(
                        block.attribute("query").orElseThrow().pos(),
                        "executing query: parameter $" + index + " has no value: args has " + args.size()
                                + (args.size() == 1 ? " element" : " elements"));
            }
        }
        List<Value> values = new ArrayList<>();
        try (PreparedStatement statement = database.connection().prepareStatement(prepared.sql())) {
            List<Integer> order = prepared.order();
            for (int i = 0; i < order.size(); i++) {
                statement.setObject(i + 1, args.get(order.get(i) - 1));
            }
            boolean rows = statement.execute();
            if (rows) {
                try (ResultSet result = statement.getResultSet()) {
                    while (result.next()) {
                        values.add(value(block, result, values.size() + 1));
                    }
                }
            }
        } catch (SQLException e) {
            throw block.error(block.attribute("query").orElseThrow().pos(), "executing query: " + SqlErrors.message(e));
        }
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("count", new Value.Num(BigDecimal.valueOf(values.size())));
        fields.put("value", values.isEmpty() ? new Value.Null() : values.get(0));
        fields.put("values", new Value.ListValue(values));
        return new Value.ObjectValue(fields);
    }

    private static List<Integer> positional(List<Object> args) {
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= args.size(); i++) {
            order.add(i);
        }
        return order;
    }

    private static List<Object> args(DataBlock block) {
        Optional<Attribute> given = block.attribute("args");
        if (given.isEmpty()) {
            return List.of();
        }
        if (!(given.get().value() instanceof Value.ListValue list)) {
            throw block.error(
                    given.get().pos(),
                    "attribute \"args\" must be a list, found "
                            + given.get().value().kind());
        }
        List<Object> args = new ArrayList<>();
        for (Value element : list.elements()) {
            if (element instanceof Value.Str s) {
                args.add(s.value());
            } else if (element instanceof Value.Num n) {
                args.add(number(n.value()));
            } else if (element instanceof Value.Bool b) {
                args.add(b.value());
            } else {
                throw block.error(
                        given.get().pos(),
                        "attribute \"args\" must be a list of strings, numbers or bools, found a " + element.kind()
                                + " element");
            }
        }
        return args;
    }

    // A whole number binds as an integer, so that it compares with integer columns on every database.
    private static Object number(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value.doubleValue();
        }
    }

    private static Value value(DataBlock block, ResultSet result, int row) throws SQLException {
        Object value = result.getObject(1);
        if (value == null) {
            throw block.error(
                    block.attribute("query").orElseThrow().pos(),
                    "row " + row + ": the first column is NULL; only strings, numbers and bools are supported");
        }
        if (value instanceof String s) {
            return new Value.Str(s);
        }
        if (value instanceof byte[] bytes) {
            return new Value.Str(new String(bytes, StandardCharsets.UTF_8));
        }
        if (value instanceof Boolean b) {
            return new Value.Bool(b);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new Value.Num(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger big) {
            return new Value.Num(new BigDecimal(big));
        }
        if (value instanceof Double || value instanceof Float) {
            return new Value.Num(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        if (value instanceof BigDecimal decimal) {
            return new Value.Str(decimal.toPlainString());
        }
        throw block.error(
                block.attribute("query").orElseThrow().pos(),
                "row " + row + ": unsupported value of type "
                        + result.getMetaData().getColumnTypeName(1)
                        + " in the first column; only strings, numbers and bools are supported (cast it in the"
                        + " query)");
    }
}
