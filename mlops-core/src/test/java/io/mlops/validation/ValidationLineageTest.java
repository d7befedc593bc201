package io.mlops.validation;

import io.mlops.lineage.LineageEvent;
import io.mlops.report.ReportJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ValidationLineageTest {
    @Test
    void shouldRecordTheDigestsPathsAndRowsOfTheDataWhenTheValidationFinished() {
        var event = ValidationReportFixtures.typical().lineageEvent();

        assertThat(event.step()).isEqualTo("validateData");
        assertThat(event.status()).isEqualTo("FAILED");
        assertThat(event.at()).isEqualTo(Instant.parse("2025-03-01T12:00:01.784Z"));
        assertThat(event.facts()).containsExactly(entry(LineageEvent.DATASET_SHA256, "ab".repeat(32)),
                entry(LineageEvent.DATASET_PATH, "data/current.csv"), entry(LineageEvent.DATASET_ROWS, "1200"),
                entry(LineageEvent.REFERENCE_SHA256, "cd".repeat(32)),
                entry(LineageEvent.REFERENCE_PATH, "data/reference.csv"));
        assertThat(event.links()).isEmpty();
    }

    @Test
    void shouldCarryTheEventInTheSummaryButNotInReportJson() {
        var report = ValidationReportFixtures.typical();

        var summary = ValidationSummary.of(report, "reports");

        assertThat(summary.lineage()).isEqualTo(report.lineageEvent());
        assertThat(ReportJson.toJson(report)).doesNotContain("lineage");
    }

    @Test
    void shouldLeaveOutTheReferenceWhenThereIsNone() {
        var typical = ValidationReportFixtures.typical();
        var report = new ValidationReport(typical.status(), typical.summary(), typical.startedAt(),
                typical.durationMs(), typical.dataset(), null, typical.checks(), typical.columns(), null);

        assertThat(report.lineageEvent().facts()).containsOnlyKeys(LineageEvent.DATASET_SHA256,
                LineageEvent.DATASET_PATH, LineageEvent.DATASET_ROWS);
    }
}
