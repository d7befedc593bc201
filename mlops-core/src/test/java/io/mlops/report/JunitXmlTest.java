package io.mlops.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JunitXmlTest {
    private static final Instant STARTED = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void shouldCountOutcomesInSuiteAttributesThatMatchTheTestCases() throws Exception {
        // given
        var junit = new JunitXml("mlops.evaluateModel", STARTED, 2500)
                .passed("mlops.evaluateModel.accuracy", "threshold", null)
                .failed("mlops.evaluateModel.f1", "threshold", "f1 0.7 below 0.8", "details")
                .errored("mlops.evaluateModel.auc", "delta", "baseline unreachable", null)
                .skipped("mlops.evaluateModel.recall", "delta", "not enough rows");

        // when
        var document = ParsedXml.parse(junit.render());

        // then
        var suite = document.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("mlops.evaluateModel");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("2.500");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-03-01T12:00:00");
        assertThat(ParsedXml.elements(document, "testcase")).hasSize(4);
        assertThat(ParsedXml.elements(document, "failure")).singleElement()
                .satisfies(f -> assertThat(f.getAttribute("message")).isEqualTo("f1 0.7 below 0.8"))
                .satisfies(f -> assertThat(f.getTextContent()).isEqualTo("details"));
        assertThat(ParsedXml.elements(document, "error")).hasSize(1);
        assertThat(ParsedXml.elements(document, "skipped")).singleElement()
                .satisfies(s -> assertThat(s.getAttribute("message")).isEqualTo("not enough rows"));
    }

    @Test
    void shouldEscapeHostileTextAndReplaceCharactersXmlCannotCarry() throws Exception {
        // given
        var hostile = "<script>alert(\"1\")</script> & ]]> \u0000\u0008\uD800 ok 😀";
        var junit = new JunitXml("s<&>", null, 0).property("path", "/data/R&D/a.csv")
                .failed("c." + hostile, hostile, hostile + "\nsecond line", hostile);

        // when
        var xml = junit.render();

        // then
        var document = ParsedXml.parse(xml);
        var testCase = ParsedXml.elements(document, "testcase").get(0);
        var expected = "<script>alert(\"1\")</script> & ]]> \uFFFD\uFFFD\uFFFD ok 😀";
        assertThat(testCase.getAttribute("name")).isEqualTo(expected);
        assertThat(testCase.getAttribute("classname")).isEqualTo("c." + expected);
        var failure = ParsedXml.elements(document, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo(expected + " second line");
        assertThat(failure.getTextContent()).isEqualTo(expected);
        assertThat(ParsedXml.elements(document, "property").get(0).getAttribute("value")).isEqualTo("/data/R&D/a.csv");
        assertThat(document.getDocumentElement().getAttribute("name")).isEqualTo("s<&>");
        assertThat(document.getDocumentElement().hasAttribute("timestamp")).isFalse();
    }

    @Test
    void shouldMapStatusesToJunitOutcomes() throws Exception {
        // given
        var junit = new JunitXml("s", STARTED, 0)
                .result("c", "passed", Status.PASSED, "fine")
                .result("c", "failed", Status.FAILED, "bad")
                .result("c", "error", Status.ERROR, "broken")
                .result("c", "inconclusive", Status.INCONCLUSIVE, "too few samples");

        // when
        var document = ParsedXml.parse(junit.render());

        // then
        assertThat(junit.tests()).isEqualTo(4);
        assertThat(junit.failures()).isEqualTo(1);
        assertThat(junit.errors()).isEqualTo(1);
        assertThat(junit.skipped()).isEqualTo(1);
        assertThat(ParsedXml.elements(document, "system-out").get(0).getTextContent()).isEqualTo("fine");
        assertThat(ParsedXml.elements(document, "skipped").get(0).getAttribute("message"))
                .isEqualTo("inconclusive: too few samples");
    }

    @Test
    void shouldWriteAnEmptySuiteWhenThereIsNothingToReport() throws Exception {
        // when
        var document = ParsedXml.parse(new JunitXml("empty", STARTED, 0).render());

        // then
        assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo("0");
    }
}
