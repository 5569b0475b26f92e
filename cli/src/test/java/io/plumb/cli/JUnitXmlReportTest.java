package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {
    @TempDir
    Path dir;

    @Test
    void aReportIsWrittenThroughALinkWithANewFilesMode() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        write("scripts/pass.txtar", "exists $WORK\n");
        Path probe = Files.writeString(dir.resolve("probe.txt"), "x");
        Files.createDirectories(dir.resolve("reports"));
        Path link = Files.createSymbolicLink(dir.resolve("reports/scripts.xml"), Path.of("../out.xml"));

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--junit-report", "reports/scripts.xml", "scripts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("out.xml"))).contains("<testcase");
        assertThat(Files.getPosixFilePermissions(dir.resolve("out.xml")))
                .isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void writesOneTestCasePerScriptWithFailuresAndSkips() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        write("scripts/pass.txtar", "exists $WORK\n");
        write("scripts/fail.txtar", "# the file is not there\nexists missing.txt\n");
        write("scripts/sub/skip.txtar", "skip 'no database <here>'\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--junit-report", "reports/scripts.xml", "scripts");

        assertThat(run.exitCode()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("reports/scripts.xml").toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");

        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element failed = (Element) cases.item(0);
        assertThat(failed.getAttribute("name")).isEqualTo("fail");
        assertThat(failed.getAttribute("classname")).isEqualTo("scripts");
        assertThat(failed.getAttribute("file")).isEqualTo("scripts/fail.txtar");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("scripts/fail.txtar:2: $WORK/missing.txt does not exist");
        assertThat(failure.getTextContent()).contains("> exists missing.txt\n").contains("FAIL: ");

        Element passed = (Element) cases.item(1);
        assertThat(passed.getAttribute("name")).isEqualTo("pass");
        assertThat(passed.getChildNodes().getLength()).isZero();

        Element skipped = (Element) cases.item(2);
        assertThat(skipped.getAttribute("classname")).isEqualTo("scripts/sub");
        assertThat(((Element) skipped.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("no database <here>");
        try (var left = Files.list(dir.resolve("reports"))) {
            assertThat(left).containsExactly(dir.resolve("reports/scripts.xml"));
        }
    }

    @Test
    void unwritableReportIsOneLineAndExitOne() throws IOException {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        write("scripts/pass.txtar", "exists $WORK\n");
        write("blocker", "a file where a directory should be\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--junit-report", "blocker/r.xml", "scripts");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("PASS pass\n1 passed, 0 failed\n");
        assertThat(run.err())
                .startsWith("plumb: cannot write the JUnit report ")
                .doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
