package io.plumb.engine.dialect.mysql;

/**
 * {@code MysqlFeatures} says what a server of a flavour and version has, where older servers lack what the dialect
 * otherwise uses. The releases are those the servers' own notes give.
 */
final class MysqlFeatures {

    private MysqlFeatures() {}

    /** Returns whether schemas have comments ({@code SCHEMATA.SCHEMA_COMMENT}): MariaDB 10.5 on, never MySQL. */
    static boolean schemaComments(MysqlFlavour flavour, MysqlVersion version) {
        return flavour == MysqlFlavour.MARIADB && version.atLeast(10, 5, 0);
    }

    /** Returns whether the server keeps {@code CHECK} constraints: MariaDB 10.2.1 on, MySQL 8.0.16 on. */
    static boolean checks(MysqlFlavour flavour, MysqlVersion version) {
        return flavour == MysqlFlavour.MARIADB ? version.atLeast(10, 2, 1) : version.atLeast(8, 0, 16);
    }

    /**
     * Returns whether {@code information_schema.CHECK_CONSTRAINTS} exists: MariaDB 10.2.22 on, MySQL 8.0.16 on. An
     * older MariaDB with checks names them in {@code TABLE_CONSTRAINTS} and prints them in {@code SHOW CREATE
     * TABLE} only.
     */
    static boolean checkCatalogue(MysqlFlavour flavour, MysqlVersion version) {
        return flavour == MysqlFlavour.MARIADB ? version.atLeast(10, 2, 22) : version.atLeast(8, 0, 16);
    }

    /**
     * Returns whether MariaDB adds the check {@code json_valid(`c`)} to a {@code JSON} column itself (10.4.3 on);
     * before that, {@code JSON} is {@code LONGTEXT} alone and the plan writes the check, as the reference does.
     */
    static boolean implicitJsonCheck(MysqlFlavour flavour, MysqlVersion version) {
        return flavour == MysqlFlavour.MYSQL || version.atLeast(10, 4, 3);
    }
}
