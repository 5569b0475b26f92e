package io.plumb.engine.dialect.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code MysqlVersion} is the release of a MySQL or MariaDB server, which decides what the catalogue holds and
 * what DDL the server takes: the dialect gates on it where an older server lacks something the newer ones have
 * (MariaDB's schema comments from 10.5, its {@code CHECK_CONSTRAINTS} table from 10.2.22, the check it adds itself
 * to a JSON column from 10.4.3). A dialect built without a server (from HCL alone) assumes {@link #NEWEST}.
 *
 * @param major the major version, {@code 10} for MariaDB 10.2.11
 * @param minor the minor version, {@code 2}
 * @param patch the patch version, {@code 11}
 */
public record MysqlVersion(int major, int minor, int patch) implements Comparable<MysqlVersion> {

    /** A version newer than any release: every feature is there. */
    public static final MysqlVersion NEWEST = new MysqlVersion(Integer.MAX_VALUE, 0, 0);

    // MariaDB 10 and later announce themselves as 5.5.5-10.2.11-MariaDB to clients that expect MySQL 5.
    private static final Pattern VERSION = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Parses a server's version text, such as {@code 10.2.11-MariaDB}, {@code 5.5.5-10.11.5-MariaDB-log} or {@code
     * 8.0.36}; a text that starts with no version gives {@link #NEWEST}.
     */
    public static MysqlVersion parse(String text) {
        Matcher m = VERSION.matcher(text.strip());
        if (!m.find()) {
            return NEWEST;
        }
        String patch = m.group(3);
        return new MysqlVersion(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                patch == null ? 0 : Integer.parseInt(patch));
    }

    /** Returns the version of the server a connection is open to, as the driver read it when connecting. */
    public static MysqlVersion of(Connection connection) throws SQLException {
        return parse(connection.getMetaData().getDatabaseProductVersion());
    }

    /** Returns whether this version is {@code major.minor.patch} or later. */
    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(new MysqlVersion(major, minor, patch)) >= 0;
    }

    @Override
    public int compareTo(MysqlVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return equals(NEWEST) ? "newest" : major + "." + minor + "." + patch;
    }
}
