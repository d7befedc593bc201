package io.jenkins.plugins.mlops.validation;

import hudson.model.Run;
import io.mlops.report.Status;
import io.mlops.validation.Severity;
import io.mlops.validation.ValidationSummary;
import io.mlops.validation.drift.DriftMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ValidationActionTest {
    private static final String HOSTILE = "<script>alert(1)</script>";

    @Test
    void shouldKeepTheSummaryForTheBuildPage() {
        var action = new ValidationAction("validation-1", "data/train.csv", failedSummary(), mock(Run.class));

        assertThat(action.getDisplayName()).isEqualTo("Data validation: data/train.csv");
        assertThat(action.getUrlName()).isEqualTo("mlops-validation-1");
        assertThat(action.getIconFileName()).isEqualTo("symbol-analytics");
        assertThat(action.getStatus()).isEqualTo(Status.FAILED);
        assertThat(action.getStatusIcon()).isEqualTo("symbol-status-red");
        assertThat(action.getSummary()).isEqualTo("1 of 3 checks failed.");
        assertThat(action.getRowsText()).isEqualTo("1,234,567");
        assertThat(action.getFailedChecks()).isOne();
        assertThat(action.getFailedCheckNames()).containsExactly("min(age)");
        assertThat(action.getDriftedColumns()).containsExactly(HOSTILE);
        assertThat(action.getReportDir()).isEqualTo("mlops-reports/validate-data");
    }

    @Test
    void shouldNumberFurtherValidationsOfTheSameBuild() {
        var action = new ValidationAction("validation-2", "data/holdout.csv", failedSummary(), mock(Run.class));

        assertThat(action.getDisplayName()).isEqualTo("Data validation 2: data/holdout.csv");
        assertThat(action.getUrlName()).isEqualTo("mlops-validation-2");
    }

    @Test
    void shouldReadTheFullReportFromTheBuildDirectoryOnlyWhenAsked(@TempDir final Path buildDir) throws IOException {
        var run = runIn(buildDir);
        var action = new ValidationAction("validation-1", "data/train.csv", failedSummary(), run);
        var file = copyFixtureTo(buildDir.resolve("mlops/validation-1/report.json"));

        var report = action.getReport();

        assertThat(report).isNotNull();
        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.dataset().rows()).isEqualTo(3);
        assertThat(report.failedChecks()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("min");
            assertThat(check.severity()).isEqualTo(Severity.ERROR);
            assertThat(check.message()).isEqualTo("age is 12 on line 3, below the minimum 18");
        });
        assertThat(report.drift().columns().get(HOSTILE).method()).isEqualTo(DriftMethod.CHI2);
        assertThat(report.driftedColumns()).containsExactly(HOSTILE);

        Files.delete(file);
        assertThat(action.getReport()).as("held while in use").isSameAs(report);
    }

    @Test
    void shouldShowTheSummaryOnlyWhenTheReportFileIsMissing(@TempDir final Path buildDir) {
        var action = new ValidationAction("validation-1", "data/train.csv", failedSummary(), runIn(buildDir));

        assertThat(action.getReport()).isNull();
    }

    @Test
    void shouldFindItsBuildAgainAfterLoading(@TempDir final Path buildDir) {
        var action = new ValidationAction("validation-1", "data/train.csv", failedSummary(), mock(Run.class));
        var loaded = runIn(buildDir);

        action.onLoad(loaded);

        assertThat(action.getRun()).isSameAs(loaded);
    }

    @Test
    void shouldFormatStatisticsForThePage() {
        var action = new ValidationAction("validation-1", "train.csv", failedSummary(), mock(Run.class));

        assertThat(action.format(0.000123456)).isEqualTo("0.0001235");
        assertThat(action.format(null)).isEqualTo("-");
    }

    private static ValidationSummary failedSummary() {
        return new ValidationSummary(Status.FAILED, "1 of 3 checks failed.", 1_234_567, 1, List.of("min(age)"),
                List.of(HOSTILE), "mlops-reports/validate-data", null);
    }

    private static Run<?, ?> runIn(final Path buildDir) {
        Run<?, ?> run = mock(Run.class);
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        return run;
    }

    private static Path copyFixtureTo(final Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (InputStream fixture = ValidationActionTest.class.getResourceAsStream("report.json")) {
            Files.copy(fixture, file);
        }
        return file;
    }
}
