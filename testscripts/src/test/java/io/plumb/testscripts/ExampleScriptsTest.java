package io.plumb.testscripts;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Runs the README's bundled examples, so the first of its two commands is tested with the rest. */
@Suite
@SuiteDisplayName("plumb examples")
@IncludeEngines("plumb")
@SelectDirectories("../examples/scripts")
class ExampleScriptsTest {}
