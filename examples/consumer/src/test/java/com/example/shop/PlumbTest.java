package com.example.shop;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** Runs every *.test.hcl file and *.txtar script under src/test/plumb through Plumb's JUnit engine. */
@Suite
@IncludeEngines("plumb")
@SelectDirectories("src/test/plumb")
class PlumbTest {}
