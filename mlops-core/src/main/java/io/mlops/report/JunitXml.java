package io.mlops.report;

import io.mlops.util.NumberText;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds junit.xml in the Ant/Surefire format that Jenkins' JUnit plugin, GitLab, GitHub test reporters and
 * Tekton read: one {@code <testsuite>} with one {@code <testcase>} per check or gate, and
 * {@code <failure>}, {@code <error>} or {@code <skipped>} children. All text is XML-escaped, and characters
 * that XML 1.0 cannot carry at all (most control characters, lone surrogates) become U+FFFD.
 */
public final class JunitXml {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String suiteName;
    private final Instant timestamp;
    private final long durationMs;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<TestCase> testCases = new ArrayList<>();

    private enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

    private record TestCase(String classname, String name, Outcome outcome, String message, String details,
            String systemOut) {
    }

    /**
     * Starts a suite.
     *
     * @param suiteName  the suite name, e.g. {@code mlops.validateData}
     * @param timestamp  when the run started, or null
     * @param durationMs how long the run took
     */
    public JunitXml(final String suiteName, final Instant timestamp, final long durationMs) {
        this.suiteName = Objects.requireNonNull(suiteName, "suiteName");
        this.timestamp = timestamp;
        this.durationMs = durationMs;
    }

    /** Adds a suite property, shown by some CI systems next to the results. */
    public JunitXml property(final String name, final Object value) {
        properties.put(name, value == null ? "" : value.toString());
        return this;
    }

    /** A passing test case; {@code systemOut} (or null) is shown with it, e.g. for a warning. */
    public JunitXml passed(final String classname, final String name, final String systemOut) {
        return add(new TestCase(classname, name, Outcome.PASSED, null, null, systemOut));
    }

    /** A failed test case: the check or gate did not hold. */
    public JunitXml failed(final String classname, final String name, final String message, final String details) {
        return add(new TestCase(classname, name, Outcome.FAILURE, message, details, null));
    }

    /** An errored test case: the check or gate could not be evaluated (bad input, unreachable service). */
    public JunitXml errored(final String classname, final String name, final String message, final String details) {
        return add(new TestCase(classname, name, Outcome.ERROR, message, details, null));
    }

    /** A skipped test case. */
    public JunitXml skipped(final String classname, final String name, final String message) {
        return add(new TestCase(classname, name, Outcome.SKIPPED, message, null, null));
    }

    /**
     * A test case for an mlops status: PASSED passes, FAILED is a failure, ERROR an error, and INCONCLUSIVE is
     * skipped with the message, since not enough evidence is neither a pass nor a failure.
     */
    public JunitXml result(final String classname, final String name, final Status status, final String message) {
        return switch (status) {
            case PASSED -> passed(classname, name, message);
            case FAILED -> failed(classname, name, message, message);
            case ERROR -> errored(classname, name, message, message);
            case INCONCLUSIVE -> skipped(classname, name, "inconclusive: " + message);
        };
    }

    public int tests() {
        return testCases.size();
    }

    public int failures() {
        return count(Outcome.FAILURE);
    }

    public int errors() {
        return count(Outcome.ERROR);
    }

    public int skipped() {
        return count(Outcome.SKIPPED);
    }

    /** The XML document. */
    public String render() {
        var out = new StringWriter();
        try {
            // the JDK's own writer: newFactory() would first search the class path for another implementation
            var xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            attribute(xml, "name", suiteName);
            attribute(xml, "tests", String.valueOf(tests()));
            attribute(xml, "failures", String.valueOf(failures()));
            attribute(xml, "errors", String.valueOf(errors()));
            attribute(xml, "skipped", String.valueOf(skipped()));
            attribute(xml, "time", seconds(durationMs));
            if (timestamp != null) {
                attribute(xml, "timestamp", TIMESTAMP.format(timestamp));
            }
            writeProperties(xml);
            for (TestCase testCase : testCases) {
                writeTestCase(xml, testCase);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException e) {
            // the JDK writer only fails on misuse (unbalanced elements), which the code above cannot do
            throw new IllegalStateException("cannot write junit.xml", e);
        }
        return out.toString();
    }

    private JunitXml add(final TestCase testCase) {
        Objects.requireNonNull(testCase.classname(), "classname");
        Objects.requireNonNull(testCase.name(), "name");
        testCases.add(testCase);
        return this;
    }

    private int count(final Outcome outcome) {
        return (int) testCases.stream().filter(t -> t.outcome() == outcome).count();
    }

    private void writeProperties(final XMLStreamWriter xml) throws XMLStreamException {
        if (properties.isEmpty()) {
            return;
        }
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("property");
            attribute(xml, "name", property.getKey());
            attribute(xml, "value", property.getValue());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeTestCase(final XMLStreamWriter xml, final TestCase testCase) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        attribute(xml, "classname", testCase.classname());
        attribute(xml, "name", testCase.name());
        attribute(xml, "time", "0");
        switch (testCase.outcome()) {
            case FAILURE -> child(xml, "failure", testCase.message(), testCase.details());
            case ERROR -> child(xml, "error", testCase.message(), testCase.details());
            case SKIPPED -> child(xml, "skipped", testCase.message(), null);
            case PASSED -> { }
        }
        if (testCase.systemOut() != null && !testCase.systemOut().isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlSafe(testCase.systemOut()));
            xml.writeEndElement();
        }
        if (testCase.outcome() != Outcome.PASSED || testCase.systemOut() != null && !testCase.systemOut().isEmpty()) {
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
    }

    private static void child(final XMLStreamWriter xml, final String element, final String message,
            final String details) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        if (message != null) {
            attribute(xml, "message", message);
        }
        if (!"skipped".equals(element)) {
            attribute(xml, "type", element);
        }
        if (details != null && !details.isEmpty()) {
            xml.writeCharacters(xmlSafe(details));
        }
        xml.writeEndElement();
    }

    private static void attribute(final XMLStreamWriter xml, final String name, final String value)
            throws XMLStreamException {
        // attribute values keep no line breaks through XML normalisation, so make them spaces visibly
        xml.writeAttribute(name, xmlSafe(value).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')
                .replace('\t', ' '));
    }

    /** Replaces what XML 1.0 cannot represent, even escaped, with U+FFFD. */
    static String xmlSafe(final String text) {
        var safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            }
            else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
                safe.append(c);
            }
            else {
                safe.append('\uFFFD');
            }
        }
        return safe.toString();
    }

    private static String seconds(final long millis) {
        return String.format(NumberText.LOCALE, "%.3f", millis / 1000.0);
    }
}
