package io.jenkins.plugins.mlops.evaluation;

import io.mlops.data.DataFormat;
import io.mlops.evaluation.EvaluationRequest;
import io.mlops.evaluation.PredictionColumns;
import io.mlops.evaluation.Task;
import io.mlops.registry.ModelUri;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationParametersTest {
    @Test
    void shouldTranslateEveryParameterIntoTheEngineRequest(@TempDir final Path workspace) {
        var parameters = Steps.everyParameterSet().toParameters();

        var request = parameters.toRequest(workspace);

        assertThat(request).isEqualTo(new EvaluationRequest(workspace.resolve("eval/candidate.csv"), DataFormat.CSV,
                Task.BINARY, new PredictionColumns("truth", "predicted", "probability", "row_id"), "yes",
                workspace.resolve("eval/gates.yaml"), workspace.resolve("eval/production.csv"), null,
                List.of("region", "device"), List.of("gender"), 50, 200, 7, workspace.resolve("reports/model")));
    }

    @Test
    void shouldLeaveUnsetParametersToTheEngineAndReportIntoTheDefaultDirectory(@TempDir final Path workspace) {
        var parameters = new EvaluationParameters(" preds.parquet ", "Regression", " ", null, "", null, null, null,
                null, null, " ,", null, 100, 1000, 42, null, null);

        var request = parameters.toRequest(workspace);

        assertThat(request).isEqualTo(EvaluationRequest.of(workspace.resolve("preds.parquet"), Task.REGRESSION)
                .withReportDir(workspace.resolve("mlops-reports/evaluate-model")));
    }

    @Test
    void shouldRequirePredictionsAndATask(@TempDir final Path workspace) {
        assertThatThrownBy(() -> new EvaluationParameters(" ", "binary", null, null, null, null, null, null, null,
                null, null, null, 100, 1000, 42, null, null).toRequest(workspace)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("predictions: no predictions file given");
        assertThatThrownBy(() -> new EvaluationParameters("p.csv", null, null, null, null, null, null, null, null,
                null, null, null, 100, 1000, 42, null, null).toRequest(workspace)).isInstanceOf(InputException.class)
                .hasMessage("task: no task given: expected binary, multiclass or regression");
        assertThatThrownBy(() -> new EvaluationParameters("p.csv", "ranking", null, null, null, null, null, null,
                null, null, null, null, 100, 1000, 42, null, null).toRequest(workspace))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown task 'ranking'");
    }

    @Test
    void shouldRejectEveryPathParameterThatLeavesTheWorkspace(@TempDir final Path workspace) {
        assertThatThrownBy(() -> new EvaluationParameters("p.csv", "binary", "/etc/gates.yaml", null, null, null,
                null, null, null, null, null, null, 100, 1000, 42, null, null).toRequest(workspace))
                .hasMessageStartingWith("gates: '/etc/gates.yaml' is outside");
        assertThatThrownBy(() -> new EvaluationParameters("p.csv", "binary", null, "../prod.csv", null, null, null,
                null, null, null, null, null, 100, 1000, 42, null, null).toRequest(workspace))
                .hasMessageStartingWith("baselinePredictions: '../prod.csv' is outside");
        assertThatThrownBy(() -> new EvaluationParameters("p.csv", "binary", null, null, "../m.json", null, null,
                null, null, null, null, null, 100, 1000, 42, null, null).toRequest(workspace))
                .hasMessageStartingWith("baselineMetrics: '../m.json' is outside");
        assertThatThrownBy(() -> new EvaluationParameters("p.csv", "binary", null, null, null, null, null, null, null,
                null, null, null, 100, 1000, 42, null, "..").toRequest(workspace))
                .hasMessageStartingWith("reportDir: '..' is outside");
    }

    @Test
    void shouldRejectCountsTheEngineCannotUse(@TempDir final Path workspace) {
        assertThatThrownBy(() -> new EvaluationParameters("p.csv", "binary", null, null, null, null, null, null, null,
                null, null, null, 0, 1000, 42, null, null).toRequest(workspace))
                .hasMessage("minSliceSize: 0 is too small: expected at least 1");
        assertThatThrownBy(() -> new EvaluationParameters("p.csv", "binary", null, null, null, null, null, null, null,
                null, null, null, 100, -5, 42, null, null).toRequest(workspace))
                .hasMessage("resamples: -5 is too small: expected at least 0");
    }

    @Test
    void shouldExpandBuildVariablesInTextParametersOnly() {
        var parameters = new EvaluationParameters("${DIR}/p.csv", "binary", null, null, null,
                "models:/${MODEL}@champion", "${SERVER}", "${DIR}/registry", null, null, "${SLICE}", null, 100, 1000,
                42, new EvaluationParameters.Columns("${LABEL}", null, null, null), "reports/${BUILD}");

        var expanded = parameters.expand(text -> text.replace("${DIR}", "eval").replace("${SLICE}", "region")
                .replace("${LABEL}", "truth").replace("${BUILD}", "7").replace("${MODEL}", "churn")
                .replace("${SERVER}", "production"));

        assertThat(expanded).isEqualTo(new EvaluationParameters("eval/p.csv", "binary", null, null, null,
                "models:/churn@champion", "production", "eval/registry", null, null, "region", null, 100, 1000, 42,
                new EvaluationParameters.Columns("truth", null, null, null), "reports/7"));
    }

    @Test
    void shouldTakeTheRegisteredBaselineByReference() {
        var parameters = Steps.registeredBaseline().toParameters();

        assertThat(parameters.baselineReference()).isEqualTo(ModelUri.parse("models:/churn@champion"));
        assertThat(EvaluationParameters.registeredModel("models:/churn/3")).isEqualTo(ModelUri.version("churn", "3"));
        assertThat(Steps.everyParameterSet().toParameters().baselineReference()).as("a file baseline").isNull();
    }

    @Test
    void shouldRefuseAnythingButARegisteredModelAsTheBaseline() {
        assertThatThrownBy(() -> baseline("runs:/4f2c9e1/model").baselineReference())
                .isInstanceOf(InputException.class)
                .hasMessage("baseline: runs:/4f2c9e1/model is a run's artifact, not a registered model: expected "
                        + "models:/NAME@ALIAS, models:/NAME/VERSION or models:/NAME/latest (register it with "
                        + "registerModel to compare with it)");
        assertThatThrownBy(() -> baseline("churn@champion").baselineReference()).isInstanceOf(InputException.class)
                .hasMessage("baseline: 'churn@champion' is not a registered model: expected models:/NAME@ALIAS, "
                        + "models:/NAME/VERSION or models:/NAME/latest");
        assertThat(baseline("models:/churn/latest").baselineReference()).hasToString("models:/churn/latest");
    }

    @Test
    void shouldAcceptOneBaselineOnly() {
        var all = new EvaluationParameters("p.csv", "binary", null, "prod.csv", "metrics.json",
                "models:/churn@champion", null, null, null, null, null, null, 100, 1000, 42, null, null);
        var files = new EvaluationParameters("p.csv", "binary", null, "prod.csv", "metrics.json", null, null, null,
                null, null, null, null, 100, 1000, 42, null, null);

        assertThatThrownBy(all::baselineReference).isInstanceOf(InputException.class)
                .hasMessage("give one baseline: baselinePredictions, baselineMetrics or baseline, not "
                        + "baselinePredictions and baselineMetrics and baseline");
        assertThatThrownBy(files::baselineReference)
                .hasMessageEndingWith("not baselinePredictions and baselineMetrics");
    }

    @Test
    void shouldDescribeWhatIsEvaluatedAgainstWhat() {
        assertThat(Steps.everyParameterSet().toParameters().describe())
                .isEqualTo("eval/candidate.csv (binary) against eval/production.csv with gates eval/gates.yaml");
        assertThat(Steps.registeredBaseline().toParameters().describe())
                .isEqualTo("eval/candidate.csv (binary) against models:/churn@champion in MLflow server 'production'");
        assertThat(EvaluationParameters.names(" region, ,device,region ")).containsExactly("region", "device");
    }

    private static EvaluationParameters baseline(final String reference) {
        return new EvaluationParameters("p.csv", "binary", null, null, null, reference, null, null, null, null, null,
                null, 100, 1000, 42, null, null);
    }
}
