package io.plumb.engine.script;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.io.IOException;
import java.util.List;

/**
 * The {@code validJSON} command fails unless {@code stdout}, {@code stderr} or a file of the script holds one JSON
 * object (or {@code null}), as the reference tool's harness checks a command's {@code --format '{{ json . }}'}
 * output.
 */
final class ValidJsonCommand implements ScriptCommand {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (negated) {
            throw new ScriptFailure("unsupported: ! validJSON");
        }
        if (args.size() != 1) {
            throw new ScriptFailure("usage: validJSON stdout|stderr|FILE");
        }
        String text = script.readFile(args.get(0));
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.VALUE_NULL) {
                throw new ScriptFailure(args.get(0) + ": not a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new ScriptFailure(args.get(0) + ": more than one JSON value");
            }
        } catch (IOException e) {
            throw new ScriptFailure(args.get(0) + ": invalid JSON: " + e.getMessage());
        }
    }
}
