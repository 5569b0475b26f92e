package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code ForEvaluator} evaluates {@code for} expressions over lists and objects. */
final class ForEvaluator {

    private ForEvaluator() {}

    static Value evaluate(ExpressionEvaluator ev, Expression.For f, Scope scope) {
        Value collection = ev.eval(f.collection(), scope);
        List<Value[]> entries = new ArrayList<>();
        if (collection instanceof Value.ListValue l) {
            for (int i = 0; i < l.elements().size(); i++) {
                entries.add(new Value[] {
                    new Value.Num(BigDecimal.valueOf(i)), l.elements().get(i)
                });
            }
        } else if (collection instanceof Value.ObjectValue o) {
            o.fields().forEach((k, v) -> entries.add(new Value[] {new Value.Str(k), v}));
        } else {
            throw new HclException(
                    f.collection().start(),
                    "for expression expects a list, set or object to iterate," + " found " + collection.kind());
        }
        List<Value> tuple = new ArrayList<>();
        Map<String, Value> object = new LinkedHashMap<>();
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        for (Value[] entry : entries) {
            Map<String, Value> names = new LinkedHashMap<>();
            if (f.keyVar() != null) {
                names.put(f.keyVar(), entry[0]);
            }
            names.put(f.valueVar(), entry[1]);
            Scope inner = scope.with(names);
            Expression condition = f.condition();
            if (condition != null
                    && !Conversions.toBool(ev.eval(condition, inner), condition.start(), "for expression condition")) {
                continue;
            }
            Value value = ev.eval(f.valueResult(), inner);
            Expression keyResult = f.keyResult();
            if (keyResult == null) {
                tuple.add(value);
                continue;
            }
            String key = Conversions.toStr(ev.eval(keyResult, inner), keyResult.start(), "for expression key");
            if (f.grouping()) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } else if (object.putIfAbsent(key, value) != null) {
                throw new HclException(
                        keyResult.start(),
                        "duplicate key \"" + key + "\" in for expression; use"
                                + " \"...\" after the value to group values by key");
            }
        }
        if (f.keyResult() == null) {
            return new Value.ListValue(tuple);
        }
        if (f.grouping()) {
            groups.forEach((k, vs) -> object.put(k, new Value.ListValue(vs)));
        }
        return new Value.ObjectValue(object);
    }
}
