package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reads server version texts as the servers send them, and the features the dialect gates on them. */
class MysqlVersionTest {

    @Test
    void mariadbAndMysqlVersionTextsAreRead() {
        assertThat(MysqlVersion.parse("10.2.11-MariaDB")).isEqualTo(new MysqlVersion(10, 2, 11));
        // MariaDB 10 and later prefix 5.5.5- in the handshake, for clients that expect MySQL 5.
        assertThat(MysqlVersion.parse("5.5.5-10.11.5-MariaDB-log")).isEqualTo(new MysqlVersion(10, 11, 5));
        assertThat(MysqlVersion.parse("8.0.36")).isEqualTo(new MysqlVersion(8, 0, 36));
        assertThat(MysqlVersion.parse("11.4")).isEqualTo(new MysqlVersion(11, 4, 0));
        assertThat(MysqlVersion.parse("unknown")).isEqualTo(MysqlVersion.NEWEST);
    }

    @Test
    void versionsCompareByMajorMinorAndPatch() {
        MysqlVersion v = new MysqlVersion(10, 2, 11);
        assertThat(v.atLeast(10, 2, 11)).isTrue();
        assertThat(v.atLeast(10, 2, 1)).isTrue();
        assertThat(v.atLeast(10, 2, 22)).isFalse();
        assertThat(v.atLeast(10, 10, 0)).isFalse();
        assertThat(new MysqlVersion(11, 0, 0).atLeast(10, 11, 9)).isTrue();
        assertThat(MysqlVersion.NEWEST.atLeast(99, 0, 0)).isTrue();
    }

    @Test
    void featuresFollowTheServersReleaseNotes() {
        MysqlVersion v10211 = new MysqlVersion(10, 2, 11);
        MysqlVersion v10115 = new MysqlVersion(10, 11, 5);
        assertThat(MysqlFeatures.schemaComments(MysqlFlavour.MARIADB, v10211)).isFalse();
        assertThat(MysqlFeatures.schemaComments(MysqlFlavour.MARIADB, v10115)).isTrue();
        assertThat(MysqlFeatures.schemaComments(MysqlFlavour.MYSQL, MysqlVersion.NEWEST))
                .isFalse();
        assertThat(MysqlFeatures.checks(MysqlFlavour.MARIADB, v10211)).isTrue();
        assertThat(MysqlFeatures.checks(MysqlFlavour.MYSQL, new MysqlVersion(5, 7, 44)))
                .isFalse();
        assertThat(MysqlFeatures.checkCatalogue(MysqlFlavour.MARIADB, v10211)).isFalse();
        assertThat(MysqlFeatures.checkCatalogue(MysqlFlavour.MARIADB, new MysqlVersion(10, 2, 22)))
                .isTrue();
        assertThat(MysqlFeatures.implicitJsonCheck(MysqlFlavour.MARIADB, v10211))
                .isFalse();
        assertThat(MysqlFeatures.implicitJsonCheck(MysqlFlavour.MARIADB, new MysqlVersion(10, 4, 3)))
                .isTrue();
    }

    @Test
    void checksAreFoundInShowCreateTable() {
        // As MariaDB 10.2.11 prints it.
        String shown =
                """
                CREATE TABLE `t1` (
                  `id` int(11) NOT NULL,
                  `j` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL CHECK (json_valid(`j`)),
                  `a` int(11) DEFAULT NULL CHECK (`a` > 0 and `a` <> ')') COMMENT 'no CHECK (here)',
                  `b` int(11) DEFAULT NULL COMMENT 'CHECK (b)',
                  `c` varchar(20) DEFAULT ' CHECK (x)',
                  PRIMARY KEY (`id`),
                  CONSTRAINT `named_c` CHECK (`b` < 10),
                  CONSTRAINT `CONSTRAINT_1` CHECK ((`a` + 1) * 2 <> `b`)
                ) ENGINE=InnoDB DEFAULT CHARSET=latin1""";
        assertThat(MysqlShownChecks.expression(shown, "j")).contains("json_valid(`j`)");
        assertThat(MysqlShownChecks.expression(shown, "a")).contains("`a` > 0 and `a` <> ')'");
        assertThat(MysqlShownChecks.expression(shown, "named_c")).contains("`b` < 10");
        assertThat(MysqlShownChecks.expression(shown, "CONSTRAINT_1")).contains("(`a` + 1) * 2 <> `b`");
        assertThat(MysqlShownChecks.expression(shown, "c")).isEmpty();
        assertThat(MysqlShownChecks.expression(shown, "b")).isEmpty();
    }
}
