package io.plumb.engine.dialect.mysql;

/** A {@code MysqlFlavour} is which server speaks the MySQL protocol: MySQL itself, or MariaDB. */
public enum MysqlFlavour {
    MYSQL,
    MARIADB
}
