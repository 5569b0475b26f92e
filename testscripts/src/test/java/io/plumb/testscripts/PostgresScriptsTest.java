package io.plumb.testscripts;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs the scripts the three dialects share, and the PostgreSQL-only ones, on the embedded PostgreSQL server: each
 * script gets a database of its own ({@code URL}) and another for {@code DEV_URL}.
 */
@Suite
@SuiteDisplayName("plumb test scripts (postgres)")
@IncludeEngines("plumb")
@ConfigurationParameter(key = "plumb.script.dialect", value = "postgres")
@SelectClasspathResource("testdata/schema")
@SelectClasspathResource("testdata/migrate")
@SelectClasspathResource("testdata/testing")
@SelectClasspathResource("testdata/postgres")
class PostgresScriptsTest {}
