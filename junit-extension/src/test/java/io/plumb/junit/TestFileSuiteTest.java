package io.plumb.junit;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * {@code TestFileSuiteTest} runs passing test files through the {@code plumb} engine under Surefire, with their
 * setup from the {@code atlas.hcl} above them, as the README shows.
 */
@Suite
@IncludeEngines("plumb")
@SelectDirectories("src/test/resources/testdata/tests/pass")
class TestFileSuiteTest {}
