package io.plumb.engine.dialect.mysql;

/**
 * {@code MysqlQueries} are the {@code information_schema} queries of the {@link MysqlInspector}, each ending in
 * {@code TABLE_SCHEMA IN} so that the inspector appends the schema list.
 */
final class MysqlQueries {

    static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT,"
            + " AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA IN ";

    static final String COLUMNS = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE,"
            + " COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT, GENERATION_EXPRESSION"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN ";

    static final String COLUMNS_ORDER = " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION";

    static final String INDEXES_ORDER = " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

    static final String FOREIGN_KEYS = "SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME,"
            + " k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE,"
            + " r.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k"
            + " JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
            + " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME"
            + " WHERE k.REFERENCED_TABLE_NAME IS NOT NULL AND k.TABLE_SCHEMA IN ";

    static final String FOREIGN_KEYS_ORDER =
            " ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME," + " k.ORDINAL_POSITION";

    static final String CHECKS_ORDER = " ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME, c.CONSTRAINT_NAME";

    /** The names of the checks, for a server without {@code CHECK_CONSTRAINTS} ({@link MysqlShownChecks}). */
    static final String CHECK_NAMES = "SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME FROM"
            + " information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'CHECK' AND TABLE_SCHEMA IN ";

    static final String CHECK_NAMES_ORDER = " ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME";

    private MysqlQueries() {}

    /** Returns the schema query, with the schemas' comments where the server has them (MariaDB 10.5 on). */
    static String schemas(boolean comments) {
        String comment = comments ? "SCHEMA_COMMENT" : "'' AS SCHEMA_COMMENT";
        return "SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME, " + comment
                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN ";
    }

    /** Returns the index query; only MySQL 8 has expression parts. */
    static String indexes(MysqlFlavour flavour) {
        String expression = flavour == MysqlFlavour.MYSQL ? "EXPRESSION" : "NULL AS EXPRESSION";
        return "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE,"
                + " COLLATION, INDEX_COMMENT, " + expression
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN ";
    }

    /**
     * Returns the check query; MariaDB names checks per table, MySQL per schema, and only MySQL 8 has checks that are
     * not enforced.
     */
    static String checks(MysqlFlavour flavour) {
        String sameTable = flavour == MysqlFlavour.MARIADB ? " AND c.TABLE_NAME = t.TABLE_NAME" : "";
        String enforced = flavour == MysqlFlavour.MYSQL ? "t.ENFORCED" : "'YES' AS ENFORCED";
        return "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE, " + enforced
                + " FROM information_schema.TABLE_CONSTRAINTS t JOIN information_schema.CHECK_CONSTRAINTS c"
                + " ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME" + sameTable
                + " WHERE t.CONSTRAINT_TYPE = 'CHECK' AND t.TABLE_SCHEMA IN ";
    }
}
