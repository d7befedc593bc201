package io.mlops.training;

import io.mlops.lineage.LineageEvent;
import io.mlops.registry.ModelRegistry;
import io.mlops.report.ReportJson;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingReportWriterTest {
    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void shouldEscapeWhatTheTrainingWroteInHtmlAndMarkdown() {
        var hostile = "<script>alert(1)</script> | **bold**";
        var spec = new TrainingSpec("churn", "trainer:1", List.of("python", "<img src=x onerror=alert(1)>"), null,
                Map.of(), Map.of(), null, null, null, Duration.ofHours(1), 0, Map.of(), null);
        var outcome = new TrainingOutcome("churn", TrainingPhase.FAILED, 1, "the training command exited with code 1: "
                + hostile, "node<1>", "trainer:1", "sha256:ab", null, 0, T0, T0.plusSeconds(60));
        var report = new TrainingReport(Status.FAILED, "Training churn failed: " + hostile + ".", T0, 61_000,
                "kubernetes", spec, List.of(outcome), 0, null, TrainingTracking.NONE,
                new ModelRegistry.Links(null, null, null), new LineageEvent("trainModel", T0, "FAILED", Map.of(),
                Map.of()));

        var files = TrainingReportWriter.files(report);

        assertThat(files.html()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .doesNotContain("node<1>").contains("&lt;script&gt;");
        assertThat(files.markdown()).doesNotContain("| **bold**");
        assertThat(files.junitXml()).doesNotContain("<script>");
    }

    @Test
    void shouldShowOnlyTheSettingsThatWereMadeInWords() {
        var spec = new TrainingSpec("churn", "trainer:1", List.of("python", "train.py"), null,
                Map.of("EPOCHS", "3"), Map.of("HF_TOKEN", new TrainingSpec.SecretRef("hf", "token")),
                new TrainingSpec.Resources(2, null, "8", null, "32Gi", "32Gi"), null,
                new TrainingSpec.CodeSource.GitClone("https://github.com/acme/churn.git", "9fceb02"),
                Duration.ofMinutes(90), 1, Map.of(), "churn");

        assertThat(TrainingReportWriter.specRows(spec)).containsExactly(
                Map.entry("Image", "trainer:1"),
                Map.entry("Command", "python train.py"),
                Map.entry("Environment", "EPOCHS"),
                Map.entry("Secret environment", "HF_TOKEN from hf:token"),
                Map.entry("GPUs", "2 × any GPU"),
                Map.entry("CPU", "8 requested, no limit"),
                Map.entry("Memory", "32Gi requested, limit 32Gi"),
                Map.entry("Code", "git clone of https://github.com/acme/churn.git at 9fceb02"),
                Map.entry("Timeout", "1 h 30 min"),
                Map.entry("Retries of interrupted attempts", "1"),
                Map.entry("Experiment", "churn"));
    }

    @Test
    void shouldWriteReportJsonThatReadsBack() throws Exception {
        var spec = new TrainingSpec("churn", "trainer:1", List.of("python", "train.py"), null, Map.of(), Map.of(),
                new TrainingSpec.Resources(2, "NVIDIA-A100", null, null, null, null), null, null, Duration.ofHours(1), 1,
                Map.of(), "churn");
        var evicted = new TrainingOutcome("churn", TrainingPhase.INTERRUPTED, 137, "the pod was evicted", "gpu-1",
                "trainer:1", "sha256:ab", "NVIDIA-A100", 2, T0, T0.plus(Duration.ofMinutes(30)));
        var succeeded = new TrainingOutcome("churn-r1", TrainingPhase.SUCCEEDED, 0, "the training command exited "
                + "with 0", "gpu-2", "trainer:1", "sha256:ab", "NVIDIA-A100", 2, T0.plus(Duration.ofMinutes(31)),
                T0.plus(Duration.ofMinutes(91)));
        var report = new TrainingReport(Status.PASSED, "Training churn succeeded.", T0, 91 * 60_000, "kubernetes",
                spec, List.of(evicted, succeeded), 3.0, "9fceb02", new TrainingTracking("http://mlflow", "1", "r1",
                null), new ModelRegistry.Links("http://mlflow/#/experiments/1", "http://mlflow/#/experiments/1/runs/r1",
                null), new LineageEvent("trainModel", T0, "PASSED", Map.of("training.run", "r1"), Map.of()));

        var json = ReportJson.newMapper().readTree(TrainingReportWriter.files(report).json());

        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("outcome").path("job").asText()).isEqualTo("churn-r1");
        assertThat(json.path("attempts")).hasSize(2);
        assertThat(json.path("attempts").get(0).path("phase").asText()).isEqualTo("INTERRUPTED");
        assertThat(json.path("attempts").get(0).path("gpuHours").asDouble()).isEqualTo(1.0);
        assertThat(json.path("gpuHours").asDouble()).isEqualTo(3.0);
        assertThat(json.path("spec").path("resources").path("gpus").asInt()).isEqualTo(2);
        assertThat(json.path("mlflow").path("runLink").asText()).isEqualTo("http://mlflow/#/experiments/1/runs/r1");
        assertThat(json.path("lineage").path("training.run").asText()).isEqualTo("r1");
    }
}
