package io.plumb.testscripts;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs the scripts the three dialects share, and the MySQL-family ones, on the embedded MariaDB server: each script
 * gets a schema of its own ({@code URL}, {@code $db}) and another for {@code DEV_URL}.
 */
@Suite
@SuiteDisplayName("plumb test scripts (mariadb)")
@IncludeEngines("plumb")
@ConfigurationParameter(key = "plumb.script.dialect", value = "mysql")
@SelectClasspathResource("testdata/schema")
@SelectClasspathResource("testdata/migrate")
@SelectClasspathResource("testdata/testing")
@SelectClasspathResource("testdata/mysql")
class MariadbScriptsTest {}
