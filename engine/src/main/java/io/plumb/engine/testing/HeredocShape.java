package io.plumb.engine.testing;

/**
 * A {@code HeredocShape} is how an existing heredoc is written, which a rewritten heredoc keeps: its marker, whether
 * it strips indentation ({@code <<-}), the indentation of its body and of its closing marker.
 *
 * @param marker the identifier that closes the heredoc, such as {@code EOT}
 * @param indented whether the heredoc is a {@code <<-} one, whose common indentation HCL strips
 * @param bodyIndent the indentation of the body's least indented non-blank line, or the closing marker's when the
 *     body has none
 * @param closeIndent the blanks before the closing marker
 */
record HeredocShape(String marker, boolean indented, String bodyIndent, String closeIndent) {

    /** Reads the shape of a heredoc's source text, from {@code <<} to the end of its closing marker. */
    static HeredocShape of(String source) {
        boolean indented = source.startsWith("<<-");
        int nameStart = indented ? 3 : 2;
        int nameEnd = nameStart;
        while (nameEnd < source.length() && !Character.isWhitespace(source.charAt(nameEnd))) {
            nameEnd++;
        }
        String marker = source.substring(nameStart, nameEnd);
        int bodyStart = source.indexOf('\n', nameEnd) + 1;
        int closeStart = source.lastIndexOf('\n') + 1;
        String closeIndent = source.substring(closeStart, source.length() - marker.length());
        String bodyIndent = closeIndent;
        int least = Integer.MAX_VALUE;
        String body = source.substring(bodyStart, Math.max(bodyStart, closeStart));
        for (String line : body.split("\n", -1)) {
            if (!line.isBlank() && indentOf(line) < least) {
                least = indentOf(line);
                bodyIndent = line.substring(0, least);
            }
        }
        return new HeredocShape(marker, indented, bodyIndent, closeIndent);
    }

    /** Returns how many blanks (spaces and tabs, as HCL counts them) start {@code line}. */
    static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
