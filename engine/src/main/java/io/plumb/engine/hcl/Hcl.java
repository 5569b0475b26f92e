package io.plumb.engine.hcl;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** {@code Hcl} is the entry point of the HCL parser: it turns source text into an {@link HclFile}. */
public final class Hcl {

    private Hcl() {}

    /**
     * Parses HCL native syntax.
     *
     * @param fileName the name positions and errors show
     * @param text the source
     * @throws HclException at the offending token, saying what was expected and what was found
     */
    public static HclFile parse(String fileName, String text) {
        return parse(fileName, text, null);
    }

    /** Parses HCL native syntax read from {@code path}; {@code file()} calls resolve against its directory. */
    public static HclFile parse(String fileName, String text, @Nullable Path path) {
        Parser parser = new Parser(Lexer.lex(fileName, text));
        return new HclFile(fileName, path, parser.parseFile());
    }

    /** Reads and parses a UTF-8 file, naming it in positions as {@code path} was given. */
    public static HclFile parseFile(Path path) {
        return parse(path.toString(), Utf8Text.read(path, path.toString()), path);
    }
}
