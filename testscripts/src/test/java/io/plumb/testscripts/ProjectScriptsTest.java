package io.plumb.testscripts;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Runs every script under {@code testdata/} through the {@code plumb} engine, so Surefire reports each one. */
@Suite
@SuiteDisplayName("plumb test scripts")
@IncludeEngines("plumb")
@SelectClasspathResource("testdata")
class ProjectScriptsTest {}
