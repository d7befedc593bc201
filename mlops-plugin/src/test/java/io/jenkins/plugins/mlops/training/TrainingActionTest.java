package io.jenkins.plugins.mlops.training;

import hudson.model.Run;
import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class TrainingActionTest {
    private static final String REPORT = """
            {"kind": "training", "status": "PASSED", "attempts": [
              {"job": "churn-42", "phase": "INTERRUPTED", "exitCode": null,
               "explanation": "evicted: <script>alert(1)</script>", "node": "gpu-node-3", "imageDigest": null,
               "wallSeconds": 900.0, "gpuHours": 0.5},
              {"job": "churn-42-r1", "phase": "SUCCEEDED", "exitCode": 0, "explanation": "exited with 0",
               "node": "gpu-node-7", "imageDigest": "sha256:4f2c", "wallSeconds": 5400.0, "gpuHours": 3.0}]}
            """;

    @Test
    void shouldSummariseWhereAndHowLongTheTrainingRan(@TempDir final Path buildDir) throws Exception {
        var run = mock(Run.class);
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        Files.createDirectories(buildDir.resolve("mlops/training-2"));
        Files.writeString(buildDir.resolve("mlops/training-2/report.json"), REPORT);

        var action = new TrainingAction("training-2", summary(), run);

        assertThat(action.getDisplayName()).isEqualTo("Model training 2: churn-42-r1");
        assertThat(action.getUrlName()).isEqualTo("mlops-training-2");
        assertThat(action.getGpus()).isEqualTo("2 × NVIDIA-A100-SXM4-80GB");
        assertThat(action.getGpuHours()).isEqualTo("3.50");
        assertThat(action.getImageDigest()).isEqualTo("sha256:4f2c");
        assertThat(action.getAttempts()).isEqualTo(2);
        assertThat(action.getLinks()).containsExactly(new WebLink("MLflow run",
                "https://mlflow.example.com/#/experiments/7/runs/r1"));
        assertThat(action.getAttemptRows()).extracting(TrainingAction.AttemptRow::job, TrainingAction.AttemptRow::phase,
                TrainingAction.AttemptRow::exitCode, TrainingAction.AttemptRow::wallTime)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("churn-42", "INTERRUPTED", "—", "15 min 00 s"),
                        org.assertj.core.groups.Tuple.tuple("churn-42-r1", "SUCCEEDED", "0", "1 h 30 min"));
        assertThat(action.getAttemptRows().get(0).explanation()).as("escaped by the page, kept here")
                .isEqualTo("evicted: <script>alert(1)</script>");
    }

    @Test
    void shouldShowNoAttemptsWithoutItsReport(@TempDir final Path buildDir) {
        var run = mock(Run.class);
        when(run.getRootDir()).thenReturn(buildDir.toFile());

        var action = new TrainingAction("training-1", summary(), run);

        assertThat(action.getDisplayName()).isEqualTo("Model training: churn-42-r1");
        assertThat(action.getAttemptRows()).isEmpty();
    }

    private static TrainingSummary summary() {
        return new TrainingSummary(Status.PASSED, "Training churn-42 succeeded (after 1 retry).", "kubernetes",
                "churn-42-r1", "r1", "javascript:alert(1)", "https://mlflow.example.com/#/experiments/7/runs/r1", 0,
                3.5, 2, "NVIDIA-A100-SXM4-80GB", "gpu-node-7", "trainer:1.4", "sha256:4f2c", 2,
                "mlops-reports/train-model", new LineageEvent("trainModel", Instant.parse("2026-05-04T12:00:00Z"),
                "PASSED", Map.of(), Map.of()));
    }
}
