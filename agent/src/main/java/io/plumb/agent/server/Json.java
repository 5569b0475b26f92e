package io.plumb.agent.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** {@code Json} writes the API's JSON with Jackson's streaming generator. */
final class Json {

    static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** A body written to a generator. */
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String quote(String text) {
        return write(json -> json.writeString(text));
    }
}
