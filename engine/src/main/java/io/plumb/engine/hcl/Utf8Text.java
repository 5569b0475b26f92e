package io.plumb.engine.hcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the UTF-8 text of an input file (HCL, SQL, a test file); a byte sequence that is not UTF-8 is an error at
 * its {@code file:line:col}, the column counted in characters as the lexers count it.
 */
public final class Utf8Text {

    private Utf8Text() {}

    /**
     * Reads a file as UTF-8.
     *
     * @throws HclException {@code file:line:col: not UTF-8 text (byte 0xff)} at the first malformed sequence
     * @throws UncheckedIOException when the file cannot be read
     */
    public static String read(Path file, String display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + display + ": " + e.getMessage(), e);
        }
        return decode(bytes, display);
    }

    /**
     * Decodes bytes as UTF-8.
     *
     * @throws HclException at the first malformed sequence, naming the file, line, column and byte
     */
    public static String decode(byte[] bytes, String display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw malformed(bytes, in.position(), display);
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw malformed(bytes, in.position(), display);
        }
        return out.flip().toString();
    }

    private static HclException malformed(byte[] bytes, int offset, String display) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column;
        try {
            column = StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(bytes, lineStart, offset - lineStart))
                            .length()
                    + 1;
        } catch (CharacterCodingException e) {
            column = offset - lineStart + 1;
        }
        String hex = String.format(Locale.ROOT, "0x%02x", bytes[offset] & 0xff);
        return new HclException(new Pos(display, line, column), "not UTF-8 text (byte " + hex + ")");
    }
}
