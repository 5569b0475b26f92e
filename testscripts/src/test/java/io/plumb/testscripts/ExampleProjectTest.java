package io.plumb.testscripts;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs the example project's schema and migration tests as JUnit tests, configured by its {@code atlas.hcl}, as a
 * user's build would run theirs.
 */
@Suite
@SuiteDisplayName("plumb example project")
@IncludeEngines("plumb")
@SelectDirectories("../examples/shop")
class ExampleProjectTest {}
