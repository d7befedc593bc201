package io.jenkins.plugins.mlops.evaluation;

import hudson.FilePath;
import hudson.model.Action;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.mlops.lineage.LineageFile;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ModelEvaluationTest {
    private static final EvaluationParameters PARAMETERS = Steps.everyParameterSet().toParameters();

    @Test
    void shouldEvaluateOnTheAgentKeepTheReportAndAddAnAction(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var callable = ArgumentCaptor.forClass(EvaluateOnAgent.class);
        var action = ArgumentCaptor.forClass(Action.class);

        var summary = fixture.evaluation().evaluate(PARAMETERS);

        assertThat(summary.status()).isEqualTo(Status.PASSED);
        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().parameters()).isEqualTo(PARAMETERS);
        assertThat(buildDir.resolve("mlops/evaluation-1/report.json")).isNotEmptyFile();
        verify(fixture.run(), times(2)).addAction(action.capture());
        assertThat(action.getAllValues().get(0)).isInstanceOfSatisfying(EvaluationAction.class, added -> {
            assertThat(added.getUrlName()).isEqualTo("mlops-evaluation-1");
            assertThat(added.getReport()).isNotNull();
        });
        assertThat(action.getAllValues().get(1)).isInstanceOf(LineageAction.class);
        assertThat(LineageFile.read(buildDir.resolve("mlops/lineage.json")).events()).as("no commit known")
                .containsExactly(summary.lineage());
        assertThat(fixture.log()).contains(
                "evaluateModel: evaluating eval/candidate.csv (binary) against eval/production.csv",
                "evaluateModel: PASSED: A sentence about PASSED.",
                "evaluateModel: reports in mlops-reports/evaluate-model; see 'Model metrics: eval/candidate.csv'");
    }

    @Test
    void shouldWarnWhenThePredictionsAreReadInsideTheController(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        when(fixture.workspace().isRemote()).thenReturn(false);

        fixture.evaluation().evaluate(PARAMETERS);

        assertThat(fixture.log()).contains("evaluateModel: warning: this workspace is on the built-in node");
    }

    @Test
    void shouldNotWarnOnAnAgent(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));

        fixture.evaluation().evaluate(PARAMETERS);

        assertThat(fixture.log()).doesNotContain("warning");
    }

    @Test
    void shouldStillRecordTheSummaryWithoutAReportFile(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        when(fixture.workspace().child("mlops-reports/evaluate-model/report.json")).thenReturn(mock(FilePath.class));

        fixture.evaluation().evaluate(PARAMETERS);

        assertThat(buildDir.resolve("mlops/evaluation-1/report.json")).doesNotExist();
        assertThat(fixture.log()).contains("no report.json in mlops-reports/evaluate-model");
    }
}
