package io.plumb.cli;

import io.plumb.runner.ScriptResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A {@code JUnitXmlReport} writes script results in the JUnit XML format that CI servers read (the Ant/Surefire
 * dialect): one {@code testsuite} of one {@code testcase} per script, with the log of a failed script as the text
 * of its {@code failure}. The file is written atomically: a reader never sees half a report.
 */
final class JUnitXmlReport {
    private final Path workingDirectory;

    JUnitXmlReport(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Writes the report for {@code results}, which ran from {@code started}, to {@code file}. */
    void write(Path file, List<ScriptResult> results, Instant started) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                writeDocument(xml, results, started);
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException(e.getMessage(), e);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void writeDocument(XMLStreamWriter xml, List<ScriptResult> results, Instant started)
            throws XMLStreamException {
        long failures = results.stream().filter(ScriptResult::isFailed).count();
        long skipped =
                results.stream().filter(r -> !r.isPassed() && !r.isFailed()).count();
        String time = seconds(results.stream().map(ScriptResult::duration).reduce(Duration.ZERO, Duration::plus));
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        counts(xml, results.size(), failures, skipped, time);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "plumb scripts");
        counts(xml, results.size(), failures, skipped, time);
        xml.writeAttribute(
                "timestamp",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        started.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        for (ScriptResult result : results) {
            xml.writeCharacters("\n    ");
            writeCase(xml, result);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void counts(XMLStreamWriter xml, int tests, long failures, long skipped, String time)
            throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute("time", time);
    }

    private void writeCase(XMLStreamWriter xml, ScriptResult result) throws XMLStreamException {
        boolean hasBody = !result.isPassed();
        if (hasBody) {
            xml.writeStartElement("testcase");
        } else {
            xml.writeEmptyElement("testcase");
        }
        xml.writeAttribute("name", result.name());
        xml.writeAttribute("classname", className(result.script()));
        xml.writeAttribute("file", display(result.script()));
        xml.writeAttribute("time", seconds(result.duration()));
        if (result.isFailed()) {
            xml.writeStartElement("failure");
            String location = display(result.script()) + ":" + result.failureLine();
            xml.writeAttribute("message", location + ": " + result.message());
            xml.writeAttribute("type", "script failure");
            xml.writeCharacters(result.log());
            xml.writeEndElement();
        } else if (hasBody) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", result.message());
        }
        if (hasBody) {
            xml.writeEndElement();
        }
    }

    /** The directory of a script, as the class name CI servers group test cases by. */
    private String className(Path script) {
        Path parent = script.toAbsolutePath().normalize().getParent();
        return parent == null ? "." : display(parent);
    }

    /** A path relative to the working directory when it lies below it, with {@code /} separators. */
    private String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = workingDirectory.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
