package io.plumb.engine.dialect.mysql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code MysqlParsers} reads the FULLTEXT parsers of a table from its {@code SHOW CREATE TABLE} text, the only place
 * either server tells them: MySQL 8 writes {@code WITH PARSER `ngram`} after the key parts inside a version comment
 * ({@code /*!50100 ...}), MariaDB writes it bare.
 */
final class MysqlParsers {

    private static final Pattern PARSER = Pattern.compile(
            "(?m)^\\s*FULLTEXT KEY `((?:[^`]|``)+)` \\([^\\n]*?\\)\\s*(?:/\\*!\\d+\\s*)?WITH PARSER `((?:[^`]|``)+)`");

    private MysqlParsers() {}

    /** Returns the parser of each FULLTEXT index that names one, by index name. */
    static Map<String, String> of(String createTable) {
        Map<String, String> parsers = new LinkedHashMap<>();
        Matcher m = PARSER.matcher(createTable);
        while (m.find()) {
            parsers.put(m.group(1).replace("``", "`"), m.group(2).replace("``", "`"));
        }
        return parsers;
    }
}
