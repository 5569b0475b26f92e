package io.plumb.cli;

import io.plumb.runner.AtomicFile;
import io.plumb.runner.ScriptResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A {@code JUnitXmlReport} writes results in the JUnit XML format that CI servers read (the Ant/Surefire dialect):
 * one {@code testsuite} of {@code testcase}s, with the log of a failed case as the text of its {@code failure}. The
 * file is written atomically: a reader never sees half a report.
 */
final class JUnitXmlReport {

    /** How a reported case ended. */
    enum Outcome {
        PASSED,
        FAILED,
        SKIPPED
    }

    /**
     * One {@code testcase} element.
     *
     * @param name the case's name
     * @param file the file it comes from, as shown to the user
     * @param classname what CI servers group cases by
     * @param time how long it ran
     * @param outcome how it ended
     * @param message the failure's or skip's one-line message, with its location
     * @param text the failure's details (a log, expected and actual values)
     */
    record Case(
            String name, String file, String classname, Duration time, Outcome outcome, String message, String text) {}

    private final Path workingDirectory;

    JUnitXmlReport(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Returns the case for a script result: classname is the script's directory. */
    Case scriptCase(ScriptResult result) {
        Outcome outcome = result.isFailed() ? Outcome.FAILED : result.isPassed() ? Outcome.PASSED : Outcome.SKIPPED;
        String file = display(result.script());
        String message =
                result.isFailed() ? file + ":" + result.failureLine() + ": " + result.message() : result.message();
        return new Case(
                result.name(), file, className(result.script()), result.duration(), outcome, message, result.log());
    }

    /** Writes the report of script results, which ran from {@code started}, to {@code file}. */
    void write(Path file, List<ScriptResult> results, Instant started) throws IOException {
        write(file, "plumb scripts", results.stream().map(this::scriptCase).toList(), started);
    }

    /** Writes a report of cases as one suite, which ran from {@code started}, to {@code file}. */
    void write(Path file, String suite, List<Case> cases, Instant started) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        AtomicFile.write(target, out -> {
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                writeDocument(xml, suite, cases, started);
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }

    private static void writeDocument(XMLStreamWriter xml, String suite, List<Case> cases, Instant started)
            throws XMLStreamException {
        long failures =
                cases.stream().filter(c -> c.outcome() == Outcome.FAILED).count();
        long skipped =
                cases.stream().filter(c -> c.outcome() == Outcome.SKIPPED).count();
        String time = seconds(cases.stream().map(Case::time).reduce(Duration.ZERO, Duration::plus));
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        counts(xml, cases.size(), failures, skipped, time);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        counts(xml, cases.size(), failures, skipped, time);
        xml.writeAttribute(
                "timestamp",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        started.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        for (Case c : cases) {
            xml.writeCharacters("\n    ");
            writeCase(xml, c);
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

    private static void writeCase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        boolean hasBody = c.outcome() != Outcome.PASSED;
        if (hasBody) {
            xml.writeStartElement("testcase");
        } else {
            xml.writeEmptyElement("testcase");
        }
        xml.writeAttribute("name", c.name());
        xml.writeAttribute("classname", c.classname());
        xml.writeAttribute("file", c.file());
        xml.writeAttribute("time", seconds(c.time()));
        if (c.outcome() == Outcome.FAILED) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", c.message());
            xml.writeAttribute("type", "failure");
            xml.writeCharacters(c.text());
            xml.writeEndElement();
        } else if (hasBody) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", c.message());
        }
        if (hasBody) {
            xml.writeEndElement();
        }
    }

    /** The directory of a file, as the class name CI servers group test cases by. */
    String className(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? "." : display(parent);
    }

    /** A path relative to the working directory when it lies below it, with {@code /} separators. */
    String display(Path path) {
        return CliEnvironment.display(workingDirectory, path);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
