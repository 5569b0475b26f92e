-- The deployment names the table and its default role (Flyway's spring.flyway.placeholders.*).
CREATE TABLE ${prefix}users (id integer NOT NULL PRIMARY KEY, role varchar(20) DEFAULT '${role}');
