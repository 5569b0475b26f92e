package io.plumb.junit;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** {@code ScriptSuiteTest} runs passing scripts through the {@code plumb} engine under Surefire, as the README shows. */
@Suite
@IncludeEngines("plumb")
@SelectDirectories("src/test/resources/testdata/engine/nested")
class ScriptSuiteTest {}
