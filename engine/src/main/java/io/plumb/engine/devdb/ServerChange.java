package io.plumb.engine.devdb;

import io.plumb.engine.devdb.ServerObjects.Created;
import io.plumb.engine.devdb.ServerObjects.Kind;
import io.plumb.engine.devdb.ServerStatement.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ServerChange} is the change one statement makes to server objects that outlives the dev database: the
 * attributes of a role, database or tablespace ({@code ALTER ROLE r ...}, {@code COMMENT ON DATABASE d}), or grants
 * that the server keeps apart from the dev database's objects (PostgreSQL privileges on databases, tablespaces and
 * parameters and role memberships; every MySQL/MariaDB grant, kept in the {@code mysql} schema whatever becomes of its
 * object).
 *
 * <p>The change stays on the server unless dropping what the work created takes it away: it does when one of its
 * {@code targets} or one of its {@code grantees} was created by the work. No targets stand for the server itself (a
 * MySQL privilege, a PostgreSQL parameter), no grantees for a change that no grantee carries (an {@code ALTER ROLE}).
 */
record ServerChange(List<Created> targets, List<Created> grantees) {

    // The words that end a PostgreSQL list of grantees.
    private static final Set<String> GRANTEES_END = Set.of("WITH", "GRANTED", "CASCADE", "RESTRICT");

    /** Reads the change a statement makes, or null when it makes none that outlives the dev database. */
    static @Nullable ServerChange parse(String sql, boolean postgres) {
        Tokens tokens = new Tokens(sql, postgres);
        String verb = tokens.word();
        return switch (verb) {
            case "ALTER" -> postgres ? alterPostgres(tokens) : alterMysql(tokens);
            case "COMMENT" -> postgres ? comment(tokens) : null;
            case "GRANT", "REVOKE" -> postgres ? grantPostgres(tokens, verb) : grantMysql(tokens, verb);
            case "SET" -> postgres ? null : setMysql(tokens);
            default -> null;
        };
    }

    // ALTER ROLE|USER|GROUP|DATABASE|TABLESPACE name ...; a RENAME is the business of ServerStatement.
    private static @Nullable ServerChange alterPostgres(Tokens tokens) {
        String word = tokens.word();
        Kind kind = kind(word);
        if (kind == null || word.equals("USER") && tokens.peekWord().equals("MAPPING")) {
            return null;
        }
        String name = tokens.name();
        if (name == null) {
            return null;
        }
        List<Created> grantees = new ArrayList<>();
        if (word.equals("GROUP")
                && List.of("ADD", "DROP").contains(tokens.word())
                && tokens.word().equals("USER")) {
            // A membership is gone with either of its two roles.
            grantees.addAll(roles(tokens));
        }
        return new ServerChange(List.of(role(kind, name)), grantees);
    }

    // COMMENT ON ROLE|DATABASE|TABLESPACE name IS ...: PostgreSQL keeps these comments in a catalog of the server.
    private static @Nullable ServerChange comment(Tokens tokens) {
        if (!tokens.word().equals("ON")) {
            return null;
        }
        Kind kind = kind(tokens.word());
        String name = kind == null ? null : tokens.name();
        return kind == null || name == null ? null : new ServerChange(List.of(role(kind, name)), List.of());
    }

    /*
     * GRANT|REVOKE privileges ON DATABASE|TABLESPACE names TO|FROM roles, ... ON PARAMETER ..., and GRANT|REVOKE roles
     * TO|FROM roles. Privileges on anything else belong to an object of the dev database, gone with it.
     */
    private static @Nullable ServerChange grantPostgres(Tokens tokens, String verb) {
        String toward = verb.equals("GRANT") ? "TO" : "FROM";
        if (verb.equals("REVOKE") && tokens.peekWord().matches("GRANT|ADMIN|INHERIT|SET")) {
            tokens.word();
            if (!tokens.word().equals("OPTION") || !tokens.word().equals("FOR")) {
                return null;
            }
        }
        // The names before TO are the roles granted when no ON follows (a membership); before ON, privileges.
        List<Created> granted = new ArrayList<>();
        boolean names = true;
        for (String token = tokens.peek(); token != null; token = tokens.peek()) {
            if (tokens.peekWord().equals("ON") || tokens.peekWord().equals(toward)) {
                break;
            }
            if (token.equals(",")) {
                tokens.next();
                continue;
            }
            String name = tokens.name();
            if (name == null) {
                // A column list or other punctuation: privileges, which an ON must follow.
                names = false;
                tokens.skipParenthesized();
            } else {
                granted.add(new Created(Kind.ROLE, name, false));
            }
        }
        List<Created> targets;
        if (tokens.peekWord().equals("ON")) {
            tokens.word();
            String on = tokens.word();
            if (on.equals("PARAMETER")) {
                targets = List.of();
            } else if (on.equals("DATABASE") || on.equals("TABLESPACE")) {
                targets = names(tokens, kind(on));
            } else {
                return null;
            }
            while (tokens.peek() != null && !tokens.peekWord().equals(toward)) {
                tokens.next();
            }
        } else if (!names || granted.isEmpty()) {
            return null;
        } else {
            targets = granted;
        }
        if (!tokens.word().equals(toward)) {
            return null;
        }
        return new ServerChange(targets, roles(tokens));
    }

    // Grantees: role names, GROUP name, PUBLIC (a role never created), up to WITH, GRANTED BY or the end.
    private static List<Created> roles(Tokens tokens) {
        List<Created> roles = new ArrayList<>();
        while (tokens.peek() != null && !GRANTEES_END.contains(tokens.peekWord())) {
            if (tokens.peekWord().equals("GROUP")) {
                tokens.word();
            }
            String name = tokens.name();
            if (name == null) {
                break;
            }
            roles.add(new Created(Kind.ROLE, name, false));
            if (!",".equals(tokens.peek())) {
                break;
            }
            tokens.next();
        }
        return roles;
    }

    private static List<Created> names(Tokens tokens, @Nullable Kind kind) {
        List<Created> names = new ArrayList<>();
        for (String name = tokens.name(); name != null && kind != null; name = tokens.name()) {
            names.add(new Created(kind, name, false));
            if (!",".equals(tokens.peek())) {
                break;
            }
            tokens.next();
        }
        return names;
    }

    // ALTER USER [IF EXISTS] accounts ...: each account's options are skipped up to the next comma.
    private static @Nullable ServerChange alterMysql(Tokens tokens) {
        if (!tokens.word().equals("USER")) {
            return null;
        }
        if (tokens.peekWord().equals("IF")) {
            tokens.word();
            tokens.word();
        }
        if (tokens.peekWord().equals("USER") || tokens.peekWord().equals("CURRENT_USER")) {
            return new ServerChange(List.of(), List.of());
        }
        return new ServerChange(accounts(tokens), List.of());
    }

    /*
     * GRANT ... TO accounts, REVOKE ... FROM accounts: MySQL and MariaDB keep every privilege in the mysql schema,
     * apart from the object it is on, so only dropping the account takes it away.
     */
    private static @Nullable ServerChange grantMysql(Tokens tokens, String verb) {
        String toward = verb.equals("GRANT") ? "TO" : "FROM";
        for (String token = tokens.peek(); token != null; token = tokens.peek()) {
            if (tokens.peekWord().equals(toward)) {
                tokens.word();
                return new ServerChange(List.of(), accounts(tokens));
            }
            tokens.skipParenthesized();
        }
        return null;
    }

    // SET PASSWORD [FOR account] = ..., SET DEFAULT ROLE ... [FOR account | TO accounts]: the current user without one.
    private static @Nullable ServerChange setMysql(Tokens tokens) {
        String word = tokens.word();
        if (word.equals("PASSWORD")) {
            return new ServerChange(List.of(), tokens.word().equals("FOR") ? accounts(tokens) : List.of());
        }
        if (!word.equals("DEFAULT") || !tokens.word().equals("ROLE")) {
            return null;
        }
        for (String token = tokens.next(); token != null; token = tokens.next()) {
            if (token.equalsIgnoreCase("FOR") || token.equalsIgnoreCase("TO")) {
                return new ServerChange(List.of(), accounts(tokens));
            }
        }
        return new ServerChange(List.of(), List.of());
    }

    private static List<Created> accounts(Tokens tokens) {
        List<Created> accounts = new ArrayList<>();
        while (true) {
            String account = ServerStatement.account(tokens, false);
            if (account == null) {
                return accounts;
            }
            accounts.add(new Created(Kind.ROLE, account, true));
            if (!tokens.skipToComma(false)) {
                return accounts;
            }
        }
    }

    private static @Nullable Kind kind(String word) {
        return switch (word) {
            case "ROLE", "USER", "GROUP" -> Kind.ROLE;
            case "DATABASE" -> Kind.DATABASE;
            case "TABLESPACE" -> Kind.TABLESPACE;
            default -> null;
        };
    }

    private static Created role(Kind kind, String name) {
        return new Created(kind, name, false);
    }
}
