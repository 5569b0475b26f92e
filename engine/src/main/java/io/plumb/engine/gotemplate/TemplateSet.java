package io.plumb.engine.gotemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code TemplateSet} is a set of named Go {@code text/template}s that may call one another, as Go's {@code
 * template.Template} with its associated templates: each parsed file adds its own template and those it {@code
 * define}s or {@code block}s, and {@link #execute} runs one of them over data with Go's built-in functions and the
 * set's own.
 *
 * <p>The syntax is Go's: text and {@code {{ pipeline }}} actions with {@code {{- }} and {@code -}}} trimming and
 * {@code /* comments *}{@code /}; fields ({@code .A.B}), variables ({@code $}, {@code $x := ...}, {@code $x = ...},
 * {@code $i, $v := } in {@code range}), string (quoted and raw), character, number and bool literals, parenthesised
 * pipelines and {@code |}; {@code if}/{@code else if}/{@code else}, {@code range} (over lists and maps, with {@code
 * else}, {@code break} and {@code continue}), {@code with}/{@code else}, {@code define}, {@code template} and {@code
 * block}. The data is strings, numbers ({@code Integer}/{@code Long} are Go's {@code int}, {@code Double} its
 * {@code float64}; comparing the two is an error, as in Go), bools, lists, maps (a missing key is an error, as with
 * Go's {@code missingkey=error}), {@link GoStruct}s and {@link GoNil}. Values print as Go's {@code fmt.Sprint}
 * prints them. Errors say {@code file:line:col} of the action.
 */
public final class TemplateSet {

    private final Map<String, TemplateFunction> functions;
    private final Map<String, List<Node>> templates = new HashMap<>();

    /** Creates an empty set with Go's built-in functions only. */
    public TemplateSet() {
        this(Map.of());
    }

    /** Creates an empty set with Go's built-in functions and these, which hide built-ins of the same name. */
    public TemplateSet(Map<String, TemplateFunction> functions) {
        this.functions = Map.copyOf(functions);
    }

    /**
     * Parses a template into this set under a name, with the templates it defines.
     *
     * @param file where the text comes from, for error positions
     * @param name the template's name, for {@link #execute} and {@code {{ template }}}
     * @param text the template
     * @return this set
     * @throws TemplateException at the first construct that is malformed or not supported, or a call of a function
     *     the set does not have (as Go, which checks names when it parses)
     */
    public TemplateSet parse(String file, String name, String text) {
        Parser.parse(
                file,
                name,
                text,
                templates,
                function ->
                        functions.containsKey(function) || Builtins.has(function) || Builtins.isUnsupported(function));
        return this;
    }

    /**
     * Executes a template of this set.
     *
     * @param name the template
     * @param data what {@code .} and {@code $} are at the start
     * @return the text the template writes
     * @throws TemplateException for a template it does not have, or an error while executing
     */
    public String execute(String name, @Nullable Object data) {
        List<Node> nodes = templates.get(name);
        if (nodes == null) {
            throw new TemplateException("no template \"" + name + "\"");
        }
        return new Executor(templates, functions).execute(nodes, data);
    }

    /** Returns a value as Go's {@code fmt.Sprint} prints it, for functions that print their arguments. */
    public static String print(@Nullable Object value) {
        return Values.print(value);
    }
}
