package io.plumb.engine.devdb;

import io.plumb.engine.devdb.ServerObjects.Created;
import io.plumb.engine.devdb.ServerObjects.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ServerStatement} is what one SQL statement does to server objects ({@link ServerObjects}), read from its
 * leading words: whether it creates or drops them, with {@code IF NOT EXISTS} or not, which ones, the new name of one
 * it renames, and the change it makes to server objects that may have existed before ({@link ServerChange}: an
 * {@code ALTER ROLE}, a {@code GRANT} that outlives the dev database). Any other statement does nothing to them
 * ({@link #NONE}).
 */
record ServerStatement(
        boolean creates,
        boolean drops,
        boolean ifNotExists,
        List<Created> objects,
        @Nullable String renamedTo,
        @Nullable ServerChange change) {

    static final ServerStatement NONE = new ServerStatement(false, false, false, List.of(), null, null);

    ServerStatement(
            boolean creates, boolean drops, boolean ifNotExists, List<Created> objects, @Nullable String renamedTo) {
        this(creates, drops, ifNotExists, objects, renamedTo, null);
    }

    /** Reads a PostgreSQL ({@code postgres}) or MySQL/MariaDB statement. */
    static ServerStatement parse(String sql, boolean postgres) {
        ServerStatement objects = objects(sql, postgres);
        if (!objects.equals(NONE)) {
            return objects;
        }
        ServerChange change = ServerChange.parse(sql, postgres);
        return change == null ? NONE : new ServerStatement(false, false, false, List.of(), null, change);
    }

    private static ServerStatement objects(String sql, boolean postgres) {
        Tokens tokens = new Tokens(sql, postgres);
        String verb = tokens.word();
        if (verb.equals("CREATE")) {
            if (!postgres && tokens.peekWord().equals("OR")) {
                tokens.word();
                if (!tokens.word().equals("REPLACE")) {
                    return NONE;
                }
            }
            return create(tokens, postgres);
        }
        if (verb.equals("DROP")) {
            return drop(tokens, postgres);
        }
        if (verb.equals("ALTER") && postgres) {
            return rename(tokens);
        }
        if (verb.equals("RENAME") && !postgres && tokens.word().equals("USER")) {
            String from = account(tokens, true);
            if (from == null || !tokens.word().equals("TO")) {
                return NONE;
            }
            String to = account(tokens, true);
            return to == null || tokens.peek() != null && tokens.peek().equals(",")
                    ? NONE
                    : new ServerStatement(false, false, false, List.of(new Created(Kind.ROLE, from, true)), to);
        }
        return NONE;
    }

    private static ServerStatement create(Tokens tokens, boolean postgres) {
        Target target = target(tokens, postgres);
        if (target == null) {
            return NONE;
        }
        Kind kind = target.kind();
        boolean account = target.account();
        boolean ifNotExists = false;
        if (tokens.peekWord().equals("IF")) {
            tokens.word();
            if (!tokens.word().equals("NOT") || !tokens.word().equals("EXISTS")) {
                return NONE;
            }
            ifNotExists = true;
        }
        List<Created> objects = names(tokens, postgres, kind, account, !postgres && kind == Kind.ROLE);
        return objects.isEmpty() ? NONE : new ServerStatement(true, false, ifNotExists, objects, null);
    }

    private static ServerStatement drop(Tokens tokens, boolean postgres) {
        Target target = target(tokens, postgres);
        if (target == null) {
            return NONE;
        }
        Kind kind = target.kind();
        boolean account = target.account();
        if (tokens.peekWord().equals("IF")) {
            tokens.word();
            tokens.word();
        }
        boolean list = kind == Kind.ROLE;
        List<Created> objects = names(tokens, postgres, kind, account, list);
        return new ServerStatement(false, true, false, objects, null);
    }

    /** What a CREATE or DROP acts on: the kind of server object, and whether its names are MySQL accounts. */
    private record Target(Kind kind, boolean account) {}

    // Reads the object word after CREATE or DROP; null for anything that is not a server object (a PostgreSQL schema
    // lives in its database, a user mapping is not a role, MySQL has no groups).
    private static @Nullable Target target(Tokens tokens, boolean postgres) {
        String word = tokens.word();
        switch (word) {
            case "DATABASE":
                return new Target(Kind.DATABASE, false);
            case "SCHEMA":
                return postgres ? null : new Target(Kind.DATABASE, false);
            case "TABLESPACE":
                return new Target(Kind.TABLESPACE, false);
            case "ROLE":
                return new Target(Kind.ROLE, false);
            case "GROUP":
                return postgres ? new Target(Kind.ROLE, false) : null;
            case "USER":
                if (postgres) {
                    return tokens.peekWord().equals("MAPPING") ? null : new Target(Kind.ROLE, false);
                }
                return new Target(Kind.ROLE, true);
            default:
                return null;
        }
    }

    /** Reads PostgreSQL's {@code ALTER DATABASE|TABLESPACE|ROLE|USER|GROUP name RENAME TO new}. */
    private static ServerStatement rename(Tokens tokens) {
        @Nullable
        Kind kind =
                switch (tokens.word()) {
                    case "DATABASE" -> Kind.DATABASE;
                    case "TABLESPACE" -> Kind.TABLESPACE;
                    case "ROLE", "USER", "GROUP" -> Kind.ROLE;
                    default -> null;
                };
        String from = kind == null ? null : tokens.name();
        if (kind == null
                || from == null
                || !tokens.word().equals("RENAME")
                || !tokens.word().equals("TO")) {
            return NONE;
        }
        String to = tokens.name();
        return to == null
                ? NONE
                : new ServerStatement(false, false, false, List.of(new Created(kind, from, false)), to);
    }

    /**
     * Reads the names of a statement: one, or a comma-separated list of roles; MySQL/MariaDB users and roles as
     * accounts, each followed by its options (skipped up to the next comma, and a MySQL {@code DEFAULT ROLE} list
     * ends them).
     */
    private static List<Created> names(Tokens tokens, boolean postgres, Kind kind, boolean account, boolean list) {
        List<Created> objects = new ArrayList<>();
        while (true) {
            String name = !postgres && kind == Kind.ROLE ? account(tokens, account) : tokens.name();
            if (name == null) {
                return objects;
            }
            objects.add(new Created(kind, name, account));
            if (!list) {
                return objects;
            }
            if (!tokens.skipToComma(postgres)) {
                return objects;
            }
        }
    }

    /**
     * Reads a MySQL/MariaDB account, {@code user[@host]} with either part quoted, as {@code 'user'@'host'} (the host
     * {@code %} when none is given for a user; a role without a host is {@code 'role'}).
     */
    static @Nullable String account(Tokens tokens, boolean user) {
        String name = tokens.name();
        if (name == null) {
            return null;
        }
        String host = user ? "%" : null;
        if ("@".equals(tokens.peek())) {
            tokens.next();
            host = tokens.name();
            if (host == null) {
                return null;
            }
        }
        return host == null ? literal(name) : literal(name) + "@" + literal(host);
    }

    private static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Splits an account written by {@link #account} into its user and host ({@code ''} for a role without one). */
    static List<String> accountParts(String account) {
        List<String> parts = new ArrayList<>();
        Tokens tokens = new Tokens(account, false);
        String user = tokens.name();
        parts.add(user == null ? account : user);
        if ("@".equals(tokens.peek())) {
            tokens.next();
            String host = tokens.name();
            parts.add(host == null ? "" : host);
        } else {
            parts.add("");
        }
        return parts;
    }

    /**
     * The tokens of a statement, read lazily (only its leading words matter): words, quoted names and single
     * punctuation characters; whitespace and comments ({@code --}, {@code /* *}{@code /}, MySQL's {@code #}) are
     * skipped. A quoted token comes back with its quotes, so that a name tells them from a keyword.
     */
    static final class Tokens {
        private final String text;
        private final boolean postgres;
        private int position;
        private @Nullable String peeked;

        Tokens(String text, boolean postgres) {
            this.text = text;
            this.postgres = postgres;
        }

        @Nullable
        String peek() {
            if (peeked == null) {
                peeked = read();
            }
            return peeked;
        }

        @Nullable
        String next() {
            String token = peek();
            peeked = null;
            return token;
        }

        /** Returns the next token upper-cased when it is a bare word, or the empty string. */
        String word() {
            String token = peek();
            if (token == null || !isWordStart(token.charAt(0))) {
                return "";
            }
            next();
            return token.toUpperCase(Locale.ROOT);
        }

        String peekWord() {
            String token = peek();
            return token != null && isWordStart(token.charAt(0)) ? token.toUpperCase(Locale.ROOT) : "";
        }

        /**
         * Returns the next token as a name: a quoted one unquoted, a bare word as the catalog holds it (PostgreSQL
         * folds it to lower case), or null when the next token is no name.
         */
        @Nullable
        String name() {
            String token = peek();
            if (token == null) {
                return null;
            }
            char first = token.charAt(0);
            if (first == '"' || first == '`' || first == '\'' && !postgres) {
                next();
                String inner = token.substring(1, token.length() - 1);
                String doubled = String.valueOf(first) + first;
                inner = inner.replace(doubled, String.valueOf(first));
                return first == '\'' || first == '"' && !postgres ? inner.replace("\\\\", "\\") : inner;
            }
            if (!isWordStart(first)) {
                return null;
            }
            next();
            return postgres ? token.toLowerCase(Locale.ROOT) : token;
        }

        /** Skips the next token, and when it opens a parenthesis, everything up to and including its closing one. */
        void skipParenthesized() {
            int depth = 0;
            for (String token = next(); token != null; token = next()) {
                depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
                if (depth <= 0) {
                    return;
                }
            }
        }

        /** Skips to just past the next comma outside parentheses; false at the end or at MySQL's DEFAULT ROLE. */
        boolean skipToComma(boolean postgresql) {
            int depth = 0;
            for (String token = next(); token != null; token = next()) {
                if (token.equals("(")) {
                    depth++;
                } else if (token.equals(")")) {
                    depth--;
                } else if (token.equals(",") && depth == 0) {
                    return true;
                } else if (token.equals(";")) {
                    return false;
                } else if (!postgresql && depth == 0 && token.equalsIgnoreCase("DEFAULT")) {
                    return false;
                }
            }
            return false;
        }

        private @Nullable String read() {
            skipSpaceAndComments();
            if (position >= text.length()) {
                return null;
            }
            int start = position;
            char c = text.charAt(position);
            if (c == '"' || c == '`' || c == '\'') {
                position++;
                while (position < text.length()) {
                    char d = text.charAt(position);
                    if (d == '\\' && c != '`' && !postgres && position + 1 < text.length()) {
                        position += 2;
                        continue;
                    }
                    position++;
                    if (d == c) {
                        if (position < text.length() && text.charAt(position) == c) {
                            position++;
                            continue;
                        }
                        break;
                    }
                }
                return text.substring(start, position);
            }
            if (isWordStart(c)) {
                while (position < text.length() && isWordPart(text.charAt(position))) {
                    position++;
                }
                return text.substring(start, position);
            }
            position++;
            return String.valueOf(c);
        }

        private void skipSpaceAndComments() {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (Character.isWhitespace(c)) {
                    position++;
                } else if (text.startsWith("--", position) || c == '#' && !postgres) {
                    int end = text.indexOf('\n', position);
                    position = end < 0 ? text.length() : end + 1;
                } else if (text.startsWith("/*", position)) {
                    int end = text.indexOf("*/", position + 2);
                    position = end < 0 ? text.length() : end + 2;
                } else {
                    return;
                }
            }
        }

        private static boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private boolean isWordPart(char c) {
            // A MySQL host written bare may hold dots, dashes and %; a bare name never ends at one.
            return Character.isLetterOrDigit(c)
                    || c == '_'
                    || c == '$'
                    || !postgres && (c == '.' || c == '-' || c == '%');
        }
    }
}
