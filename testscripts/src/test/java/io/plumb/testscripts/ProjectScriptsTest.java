package io.plumb.testscripts;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs the scripts under {@code testdata/} on SQLite through the {@code plumb} engine, so Surefire reports each one:
 * the runner's own scripts, the scripts shared by the three dialects and the SQLite-only ones; not the {@code
 * postgres/} and {@code mysql/} ones, which {@link PostgresScriptsTest} and {@link MariadbScriptsTest} run.
 */
@Suite
@SuiteDisplayName("plumb test scripts (sqlite)")
@IncludeEngines("plumb")
@SelectClasspathResource("testdata/builtins")
@SelectClasspathResource("testdata/cond")
@SelectClasspathResource("testdata/expand")
@SelectClasspathResource("testdata/fail")
@SelectClasspathResource("testdata/parse")
@SelectClasspathResource("testdata/txtar")
@SelectClasspathResource("testdata/update")
@SelectClasspathResource("testdata/schema")
@SelectClasspathResource("testdata/migrate")
@SelectClasspathResource("testdata/testing")
@SelectClasspathResource("testdata/sqlite")
class ProjectScriptsTest {}
