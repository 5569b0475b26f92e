package io.plumb.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.plumb.engine.gotemplate.GoNil;
import io.plumb.engine.gotemplate.GoStruct;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code GoJson} writes a {@link LintTree} value as Go's {@code encoding/json} does: struct fields in order, {@code
 * <}, {@code >} and {@code &} escaped, {@code json.MarshalIndent}'s layout. It is the {@code json} function of lint
 * {@code --format} templates, and the writer of the CI formats. It also reads JSON back into such a tree (maps
 * write their keys sorted, as Go's maps do), for the {@code migrate apply} and {@code status} templates.
 */
final class GoJson {

    private GoJson() {}

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Writes a tree value as Go's {@code encoding/json} does, HTML characters escaped: as {@code json.Marshal} with
     * no indent, as {@code json.MarshalIndent} with an indent or a prefix and an indent.
     */
    static String json(@Nullable Object value, List<@Nullable Object> indent) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.setCharacterEscapes(GoEscapes.INSTANCE);
            if (!indent.isEmpty()) {
                String prefix = indent.size() > 1 ? String.valueOf(indent.get(0)) : "";
                String unit = String.valueOf(indent.get(indent.size() - 1));
                json.setPrettyPrinter(new GoIndent(prefix, unit));
            }
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator json, @Nullable Object value) throws IOException {
        if (value == null || value == GoNil.NIL) {
            json.writeNull();
        } else if (value instanceof GoStruct struct) {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : struct.fields().entrySet()) {
                json.writeFieldName(field.getKey());
                write(json, field.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            // Go writes a map's keys in sorted order.
            json.writeStartObject();
            for (Map.Entry<String, Object> entry : sorted(map).entrySet()) {
                json.writeFieldName(entry.getKey());
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer n) {
            json.writeNumber(n);
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else if (value instanceof BigDecimal n) {
            json.writeNumber(n.stripTrailingZeros().toPlainString());
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
        return sorted;
    }

    /**
     * Reads a JSON text into a tree: objects as maps (keys in order), arrays as lists, strings, {@code Long}s or
     * {@code BigDecimal}s, booleans and {@code null}.
     *
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    static @Nullable Object read(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("unexpected end of JSON input");
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("invalid character after top-level value");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static @Nullable Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, @Nullable Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<@Nullable Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getBigIntegerValue().bitLength() < 64
                        ? (Object) parser.getLongValue()
                        : new BigDecimal(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    /** Go escapes {@code <}, {@code >}, {@code &}, U+2028 and U+2029 in JSON strings. */
    private static final class GoEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final GoEscapes INSTANCE = new GoEscapes();
        private final int[] escapes;

        private GoEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    /** Go's {@code json.MarshalIndent} layout: a newline and the prefix plus one indent per level. */
    private static final class GoIndent extends com.fasterxml.jackson.core.util.MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private final String prefix;
        private final String unit;
        private int depth;

        GoIndent(String prefix, String unit) {
            this.prefix = prefix;
            this.unit = unit;
        }

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw("\n" + prefix + unit.repeat(depth));
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }
}
