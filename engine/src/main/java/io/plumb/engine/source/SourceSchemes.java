package io.plumb.engine.source;

import java.util.List;

/**
 * {@code SourceSchemes} checks that the sources of one desired state are of one kind, with the reference tool's
 * errors: several sources must all be files ({@code file://} or plain paths); a database URL or another scheme
 * stands alone.
 */
final class SourceSchemes {

    private SourceSchemes() {}

    /**
     * Checks the schemes of the sources.
     *
     * @throws SourceException when the schemes are mixed, or several sources share a scheme other than files
     */
    static void check(List<String> sources) {
        String first = null;
        for (String source : sources) {
            String scheme = scheme(source);
            if (first == null) {
                first = scheme;
            } else if (!first.equals(scheme)) {
                throw new SourceException("got mixed --to url schemes: \"" + first + "\" and \"" + scheme
                        + "\", the desired state must be provided from a single kind of source");
            } else if (!scheme.equals("file")) {
                throw new SourceException("got multiple --to urls of scheme \"" + scheme
                        + "\", only multiple 'file://' urls are supported");
            }
        }
    }

    private static String scheme(String source) {
        int at = source.indexOf("://");
        return at > 0 ? source.substring(0, at) : "file";
    }
}
