package io.plumb.engine.hcl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code JsonFunctions} are the encoding functions: {@code jsonencode} and {@code jsondecode} on Jackson's streaming
 * API, {@code csvdecode} (a header row, then one object of strings per row), and {@code print}, which writes a value
 * to standard output (a string as it is, anything else as JSON) and returns it. The reference's YAML functions are
 * refused by name: no YAML reader is on Plumb's class path.
 */
final class JsonFunctions {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("jsonencode", FunctionDef.of(1, a -> new Value.Str(encode(a.get(0), a))));
        m.put("jsondecode", FunctionDef.of(1, JsonFunctions::decode));
        m.put("csvdecode", FunctionDef.of(1, JsonFunctions::csv));
        m.put("print", FunctionDef.of(1, a -> {
            System.out.println(a.get(0) instanceof Value.Str str ? str.value() : encode(a.get(0), a));
            return a.get(0);
        }));
        for (String yaml : List.of("yamldecode", "yamlencode", "yamlmerge")) {
            m.put(yaml, FunctionDef.variadic(0, a -> {
                throw a.error("is not supported: plumb reads no YAML; convert the data to JSON and use jsondecode");
            }));
        }
    }

    // RFC 4180 CSV: the first record names the fields of the objects the others become.
    private static Value csv(CallArgs a) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = a.str(0);
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw a.error("unterminated quoted field in CSV record " + (records.size() + 1));
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        if (records.isEmpty()) {
            throw a.error("the CSV has no header record");
        }
        List<String> header = records.get(0);
        List<Value> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() != header.size()) {
                throw a.error(
                        "CSV record " + (r + 1) + " has " + values.size() + " fields, the header " + header.size());
            }
            Map<String, Value> fields = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) {
                fields.put(header.get(k), new Value.Str(values.get(k)));
            }
            rows.add(new Value.ObjectValue(fields));
        }
        return new Value.ListValue(rows);
    }

    /** Encodes a value as compact JSON; object keys are sorted, as cty (and so Atlas) writes them. */
    static String encode(Value v, CallArgs call) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, v, call);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String quote(String s) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Value v, CallArgs call) throws IOException {
        if (v instanceof Value.Str s) {
            g.writeString(s.value());
        } else if (v instanceof Value.Num n) {
            g.writeNumber(Conversions.formatNumber(n.value()));
        } else if (v instanceof Value.Bool b) {
            g.writeBoolean(b.value());
        } else if (v instanceof Value.Null) {
            g.writeNull();
        } else if (v instanceof Value.ListValue l) {
            g.writeStartArray();
            for (Value e : l.elements()) {
                write(g, e, call);
            }
            g.writeEndArray();
        } else if (v instanceof Value.ObjectValue o) {
            g.writeStartObject();
            for (Map.Entry<String, Value> e : new TreeMap<>(o.fields()).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), call);
            }
            g.writeEndObject();
        } else {
            throw call.error("cannot encode " + Conversions.aKind(v) + " as JSON");
        }
    }

    private static Value decode(CallArgs a) {
        String text = a.str(0);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw a.error("expected a JSON value, found an empty string");
            }
            Value v = read(p, first, a.pos());
            if (p.nextToken() != null) {
                throw a.error("extra data after the JSON value at offset "
                        + p.currentLocation().getCharOffset());
            }
            return v;
        } catch (JsonProcessingException e) {
            throw a.error("invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Value read(JsonParser p, JsonToken t, Pos pos) throws IOException {
        switch (t) {
            case START_ARRAY -> {
                List<Value> out = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    out.add(read(p, e, pos));
                }
                return new Value.ListValue(out);
            }
            case START_OBJECT -> {
                Map<String, Value> out = new LinkedHashMap<>();
                for (JsonToken e = p.nextToken(); e == JsonToken.FIELD_NAME; e = p.nextToken()) {
                    String name = p.currentName();
                    out.put(name, read(p, p.nextToken(), pos));
                }
                return new Value.ObjectValue(out);
            }
            case VALUE_STRING -> {
                return new Value.Str(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Value.Num(Numbers.checked(p.getDecimalValue(), pos));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Value.Bool(t == JsonToken.VALUE_TRUE);
            }
            default -> {
                return new Value.Null();
            }
        }
    }
}
