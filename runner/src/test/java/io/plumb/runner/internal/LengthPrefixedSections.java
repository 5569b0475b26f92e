package io.plumb.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code LengthPrefixedSections} reads the Go-written test vectors: after {@code #} comment lines, sections of a
 * header {@code name N}, then N bytes of UTF-8 and a newline; or a bare {@code name N} for a number.
 */
final class LengthPrefixedSections {
    private final byte[] data;
    private int pos;

    private LengthPrefixedSections(byte[] data) {
        this.data = data;
        while (pos < data.length && data[pos] == '#') {
            line();
        }
    }

    /** Opens a class-path resource. */
    static LengthPrefixedSections of(String resource) throws IOException {
        try (InputStream in =
                Objects.requireNonNull(LengthPrefixedSections.class.getResourceAsStream(resource), resource)) {
            return new LengthPrefixedSections(in.readAllBytes());
        }
    }

    boolean hasMore() {
        return pos < data.length;
    }

    /** Reads the text section {@code name}. */
    String text(String name) {
        int length = number(name);
        String text = new String(data, pos, length, StandardCharsets.UTF_8);
        pos += length + 1;
        return text;
    }

    /** Reads the header {@code name N} and returns N. */
    int number(String name) {
        String header = line();
        assertThat(header).startsWith(name + " ");
        return Integer.parseInt(header.substring(name.length() + 1));
    }

    private String line() {
        int start = pos;
        while (data[pos] != '\n') {
            pos++;
        }
        return new String(data, start, pos++ - start, StandardCharsets.UTF_8);
    }
}
