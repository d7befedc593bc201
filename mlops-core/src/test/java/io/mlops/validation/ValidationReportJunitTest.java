package io.mlops.validation;

import io.mlops.report.ParsedXml;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationReportJunitTest {
    @Test
    void shouldWriteOneTestCasePerCheckAndPerDriftTestedColumn() throws Exception {
        // given
        var report = ValidationReportFixtures.typical();

        // when
        var document = ParsedXml.parse(ValidationReportJunit.render(report));

        // then
        var suite = document.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("mlops.validateData");
        assertThat(suite.getAttribute("tests")).isEqualTo("8");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-03-01T12:00:00");
        assertThat(ParsedXml.elements(document, "testcase")).extracting(t -> t.getAttribute("classname") + "#"
                + t.getAttribute("name")).containsExactly("mlops.validateData.dataset#rows", "mlops.validateData.age#type",
                "mlops.validateData.age#max", "mlops.validateData.income#maxMissingFraction",
                "mlops.validateData.country#allowed", "mlops.validateData.age#drift",
                "mlops.validateData.income#drift", "mlops.validateData.country#drift");
    }

    @Test
    void shouldFailOnlyErrorSeverityChecksAndReportWarningsInSystemOut() throws Exception {
        // when
        var document = ParsedXml.parse(ValidationReportJunit.render(ValidationReportFixtures.typical()));

        // then
        var failure = ParsedXml.elements(document, "failure").get(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("max");
        assertThat(failure.getAttribute("message")).isEqualTo("age is 130 in row 17, at most 120 expected.");
        assertThat(failure.getTextContent()).contains("observed: 130", "expected: 120");
        var warning = testCase(document, "mlops.validateData.income", "maxMissingFraction");
        assertThat(warning.getElementsByTagName("failure").getLength()).isZero();
        assertThat(warning.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("WARNING: income is missing in 8% of rows");
        assertThat(testCase(document, "mlops.validateData.age", "drift").getTextContent())
                .contains("DRIFTED: ks statistic 0.21, p-value 0.0004 (drift below 0.05)");
        assertThat(testCase(document, "mlops.validateData.country", "drift").getTextContent().strip())
                .startsWith("NEGLIGIBLE SHIFT: chi2");
    }

    @Test
    void shouldHaveNoFailuresWhenTheStepPasses() throws Exception {
        // given
        var typical = ValidationReportFixtures.typical();
        var passing = new ArrayList<CheckResult>();
        for (CheckResult check : typical.checks()) {
            passing.add(check.severity() == Severity.ERROR && check.failed()
                    ? new CheckResult(check.name(), check.column(), check.severity(), Status.PASSED, 100, 120, "ok")
                    : check);
        }
        var report = new ValidationReport(Status.PASSED, "ok", typical.startedAt(), 5, typical.dataset(),
                typical.reference(), passing, typical.columns(), typical.drift());

        // when
        var document = ParsedXml.parse(ValidationReportJunit.render(report));

        // then
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(document.getDocumentElement().getAttribute("errors")).isEqualTo("0");
    }

    @Test
    void shouldNotDuplicateADriftCheckThatTheEngineAlreadyReported() throws Exception {
        // given
        var typical = ValidationReportFixtures.typical();
        var checks = new ArrayList<>(typical.checks());
        checks.add(new CheckResult("drift", "age", Severity.ERROR, Status.FAILED, 0.21, 0.05, "age drifted."));
        var report = new ValidationReport(Status.FAILED, "drift", typical.startedAt(), 5, typical.dataset(),
                typical.reference(), checks, typical.columns(), typical.drift());

        // when
        var document = ParsedXml.parse(ValidationReportJunit.render(report));

        // then
        assertThat(ParsedXml.elements(document, "testcase").stream()
                .filter(t -> t.getAttribute("classname").equals("mlops.validateData.age")
                        && t.getAttribute("name").equals("drift"))).hasSize(1);
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void shouldStayWellFormedWithHostileNames() throws Exception {
        // when
        var document = ParsedXml.parse(ValidationReportJunit.render(ValidationReportFixtures.hostile()));

        // then
        var classnames = ParsedXml.elements(document, "testcase").stream().map(t -> t.getAttribute("classname")).toList();
        assertThat(classnames).contains("mlops.validateData." + ValidationReportFixtures.SCRIPT_COLUMN,
                "mlops.validateData.a|b `code` second line");
        assertThat(ParsedXml.elements(document, "failure").get(0).getAttribute("message"))
                .contains(ValidationReportFixtures.IMG_VALUE, ValidationReportFixtures.AMPERSAND_PATH);
        assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo("4");
    }

    @Test
    void shouldWriteOnlyChecksWithoutDrift() throws Exception {
        // given
        var typical = ValidationReportFixtures.typical();
        var report = new ValidationReport(Status.FAILED, "x", typical.startedAt(), 5, typical.dataset(), null,
                typical.checks(), typical.columns(), null);

        // when
        var document = ParsedXml.parse(ValidationReportJunit.render(report));

        // then
        assertThat(ParsedXml.elements(document, "testcase")).hasSize(typical.checks().size());
    }

    private static Element testCase(final Document document, final String classname, final String name) {
        return ParsedXml.elements(document, "testcase").stream()
                .filter(t -> t.getAttribute("classname").equals(classname) && t.getAttribute("name").equals(name))
                .findFirst().orElseThrow();
    }
}
