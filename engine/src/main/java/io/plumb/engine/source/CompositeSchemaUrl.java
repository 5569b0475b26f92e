package io.plumb.engine.source;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code CompositeSchemaUrl} is the desired-state URL of a project's {@code data "composite_schema"} block:
 * {@code composite_schema://NAME?schema=LABEL&url=URL&pos=FILE:LINE:COL&...}, its {@code schema "LABEL" { url = URL
 * }} blocks in order with where each is written, so that an env's {@code src} can name it like any other source
 * and an error in a member can point at its block.
 *
 * @param name the data block's name
 * @param members the schema blocks, in order
 */
public record CompositeSchemaUrl(String name, List<Member> members) {

    /** The URL scheme, with its separator. */
    public static final String PREFIX = "composite_schema://";

    /**
     * One {@code schema "LABEL" { url = URL }} block.
     *
     * @param schema the schema the source's objects go to
     * @param url the source's desired-state URL
     * @param pos where the block is written, {@code file:line:col}, or empty when unknown
     */
    public record Member(String schema, String url, String pos) {

        /** A member whose block's position is unknown. */
        public Member(String schema, String url) {
            this(schema, url, "");
        }

        /** Returns the prefix of an error about this member: its position and its names. */
        String describe(String composite) {
            return (pos.isEmpty() ? "" : pos + ": ") + "composite_schema \"" + composite + "\": schema \"" + schema
                    + "\"";
        }
    }

    public CompositeSchemaUrl {
        members = List.copyOf(members);
    }

    /** Writes the URL. */
    public static String format(String name, List<Member> members) {
        List<String> query = new ArrayList<>();
        for (Member member : members) {
            query.add("schema=" + encode(member.schema()) + "&url=" + encode(member.url())
                    + (member.pos().isEmpty() ? "" : "&pos=" + encode(member.pos())));
        }
        return PREFIX + encode(name) + "?" + String.join("&", query);
    }

    /** Returns whether the source is such a URL. */
    public static boolean matches(String source) {
        return source.startsWith(PREFIX);
    }

    /** Reads a URL written by {@link #format}. */
    public static CompositeSchemaUrl parse(String source) {
        String rest = source.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String name = decode(q < 0 ? rest : rest.substring(0, q));
        List<Member> members = new ArrayList<>();
        String schema = null;
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = pair.substring(0, eq);
                String value = decode(pair.substring(eq + 1));
                if (key.equals("schema")) {
                    schema = value;
                } else if (key.equals("url") && schema != null) {
                    members.add(new Member(schema, value));
                    schema = null;
                } else if (key.equals("pos") && !members.isEmpty()) {
                    Member last = members.remove(members.size() - 1);
                    members.add(new Member(last.schema(), last.url(), value));
                }
            }
        }
        return new CompositeSchemaUrl(name, members);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
