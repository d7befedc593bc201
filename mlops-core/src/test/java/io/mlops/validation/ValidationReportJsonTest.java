package io.mlops.validation;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlops.report.ReportJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** report.json of kind data-validation against DESIGN.md §3. */
class ValidationReportJsonTest {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Test
    void shouldStreamExactlyWhatDataBindingWritesFromTheRecordAnnotations() {
        // given
        var typical = ValidationReportFixtures.typical();
        var withoutReference = new ValidationReport(typical.status(), typical.summary(), typical.startedAt(),
                typical.durationMs(), typical.dataset(), null, typical.checks(), typical.columns(), null);

        // then
        for (ValidationReport report : List.of(typical, ValidationReportFixtures.hostile(), withoutReference)) {
            assertThat(ValidationReportJson.render(report)).isEqualTo(ReportJson.toJson(report));
        }
    }

    @Test
    void shouldReadTheStreamedReportBackIntoAnEqualReport() throws Exception {
        // given
        var report = ValidationReportFixtures.typical();

        // when
        var read = ReportJson.fromJson(ValidationReportJson.render(report), ValidationReport.class);

        // then
        assertThat(read.checks()).isEqualTo(report.checks());
        assertThat(read.dataset()).isEqualTo(report.dataset());
        assertThat(read.drift()).isEqualTo(report.drift());
        assertThat(read.startedAt()).isEqualTo(report.startedAt());
    }

    @Test
    void shouldWriteTopLevelFieldsInContractOrder() throws Exception {
        // when
        var tree = STRICT.readTree(ValidationReportJson.render(ValidationReportFixtures.typical()));

        // then
        assertThat(fieldNames(tree)).containsExactly("schemaVersion", "kind", "status", "summary", "startedAt",
                "durationMs", "dataset", "reference", "checks", "columns", "drift");
        assertThat(tree.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(tree.get("kind").textValue()).isEqualTo("data-validation");
        assertThat(tree.get("status").textValue()).isEqualTo("FAILED");
        assertThat(tree.get("startedAt").textValue()).isEqualTo("2025-03-01T12:00:00.250Z");
        assertThat(tree.get("durationMs").longValue()).isEqualTo(1534);
    }

    @Test
    void shouldWriteDatasetsChecksColumnsAndDriftWithContractNames() throws Exception {
        // when
        var tree = STRICT.readTree(ValidationReportJson.render(ValidationReportFixtures.typical()));

        // then
        assertThat(fieldNames(tree.get("dataset"))).containsExactly("path", "format", "rows", "columns", "sha256");
        assertThat(fieldNames(tree.get("reference"))).containsExactly("path", "format", "rows", "columns", "sha256");
        var check = tree.get("checks").get(0);
        assertThat(fieldNames(check)).containsExactly("name", "column", "severity", "status", "observed", "expected",
                "message");
        assertThat(check.get("column").isNull()).isTrue();
        assertThat(tree.get("checks").get(3).get("severity").textValue()).isEqualTo("warning");
        assertThat(fieldNames(tree.get("columns"))).containsExactly("age", "income", "country");
        assertThat(fieldNames(tree.get("columns").get("age"))).containsExactly("type", "count", "missing", "distinct",
                "min", "max", "mean", "stddev", "quantiles");
        assertThat(fieldNames(tree.get("columns").get("age").get("quantiles")))
                .containsExactly("0.01", "0.25", "0.5", "0.75", "0.99");
        assertThat(fieldNames(tree.get("columns").get("country"))).containsExactly("type", "count", "missing",
                "distinct", "min", "max", "topValues");
        var drift = tree.get("drift");
        assertThat(fieldNames(drift)).containsExactly("share", "shareThreshold", "drifted", "columns");
        assertThat(fieldNames(drift.get("columns").get("age"))).startsWith("method", "statistic", "pValue",
                "threshold", "drifted");
        assertThat(drift.get("columns").get("age").get("method").textValue()).isEqualTo("ks");
        assertThat(drift.get("columns").get("income").get("pValue").isNull()).isTrue();
    }

    @Test
    void shouldWriteNullReferenceAndDriftWithoutAReference() throws Exception {
        // given
        var typical = ValidationReportFixtures.typical();
        var report = new ValidationReport(typical.status(), typical.summary(), typical.startedAt(),
                typical.durationMs(), typical.dataset(), null, typical.checks(), typical.columns(), null);

        // when
        var tree = STRICT.readTree(ValidationReportJson.render(report));

        // then
        assertThat(tree.get("reference").isNull()).isTrue();
        assertThat(tree.get("drift").isNull()).isTrue();
    }

    @Test
    void shouldWriteValidJsonWhenStatisticsAreNotFinite() throws Exception {
        // when
        var tree = STRICT.readTree(ValidationReportJson.render(ValidationReportFixtures.hostile()));

        // then
        var profile = tree.get("columns").get(ValidationReportFixtures.MARKDOWN_COLUMN);
        assertThat(profile.get("mean").isNull()).isTrue();
        assertThat(profile.get("stddev").isNull()).isTrue();
        assertThat(tree.get("columns").has(ValidationReportFixtures.SCRIPT_COLUMN)).isTrue();
    }

    @Test
    void shouldReadReportJsonBackIntoTheSameReport() throws Exception {
        // given
        var report = ValidationReportFixtures.typical();
        var json = ValidationReportJson.render(report);

        // when
        var read = ReportJson.fromJson(json, ValidationReport.class);

        // then
        assertThat(ValidationReportJson.render(read)).isEqualTo(json);
        assertThat(read.dataset()).isEqualTo(report.dataset());
        assertThat(read.drift()).isEqualTo(report.drift());
        assertThat(read.columns().keySet()).containsExactlyElementsOf(report.columns().keySet());
        assertThat(read.failedChecks()).extracting(CheckResult::name).containsExactly("max");
    }

    @Test
    void shouldReadReportsWithFieldsItDoesNotKnow() throws Exception {
        // given
        var json = ValidationReportJson.render(ValidationReportFixtures.typical())
                .replace("\"durationMs\": 1534,", "\"durationMs\": 1534, \"addedInVersion2\": {\"x\": [1]},");

        // when
        var read = ReportJson.fromJson(json, ValidationReport.class);

        // then
        assertThat(read.durationMs()).isEqualTo(1534);
    }

    private static List<String> fieldNames(final JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
