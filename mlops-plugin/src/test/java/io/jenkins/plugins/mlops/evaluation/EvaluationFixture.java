package io.jenkins.plugins.mlops.evaluation;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.StepCall;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.Status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Mocks of what a build gives an evaluation: a run with a build directory, a workspace on an "agent" whose callable
 * returns a given summary and whose report.json is the test resource {@code report.json}, Jenkins, and a build log.
 */
final class EvaluationFixture {
    private final Run<?, ?> run = mock(Run.class);
    private final FilePath workspace = mock(FilePath.class);
    private final TaskListener listener = mock(TaskListener.class);
    private final Map<String, String> env = new HashMap<>();
    private final JenkinsFacade jenkins = mock(JenkinsFacade.class);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    EvaluationFixture(final Path buildDir, final EvaluationSummary summary) throws IOException, InterruptedException {
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(workspace.act(any(EvaluateOnAgent.class))).thenReturn(summary);
        when(workspace.isRemote()).thenReturn(true);
        var reportJson = mock(FilePath.class);
        when(workspace.child(summary.reportDir() + "/report.json")).thenReturn(reportJson);
        when(reportJson.exists()).thenReturn(true);
        doAnswer(invocation -> {
            try (InputStream fixture = EvaluationFixture.class.getResourceAsStream("report.json")) {
                fixture.transferTo(invocation.<OutputStream>getArgument(0));
            }
            return null;
        }).when(reportJson).copyTo(any(OutputStream.class));
    }

    static EvaluationSummary summary(final Status status, final List<String> failedGates) {
        return new EvaluationSummary(status, "A sentence about " + status + ".", "binary", 2000,
                Map.of("roc_auc", 0.78), List.of(new EvaluationSummary.Comparison("roc_auc", 0.78, 0.75, 0.03,
                        List.of(0.01, 0.05), 0.95, 0.004, "delong")), failedGates, "mlops-reports/evaluate-model",
                new LineageEvent("evaluateModel", Instant.parse("2026-05-04T10:20:00Z"), status.name(),
                        Map.of(LineageEvent.EVALUATION_STATUS, status.name(), "metric.roc_auc", "0.78"), Map.of()));
    }

    /** Copies the test report.json to where a build keeps the report of an evaluation. */
    static void storeReport(final Path buildDir, final String id) throws IOException {
        var file = buildDir.resolve("mlops").resolve(id).resolve("report.json");
        Files.createDirectories(file.getParent());
        try (InputStream fixture = EvaluationFixture.class.getResourceAsStream("report.json")) {
            Files.copy(fixture, file);
        }
    }

    ModelEvaluation evaluation() {
        return new ModelEvaluation(new StepCall(run, workspace, env, listener), jenkins);
    }

    Map<String, String> env() {
        return env;
    }

    JenkinsFacade jenkins() {
        return jenkins;
    }

    Run<?, ?> run() {
        return run;
    }

    FilePath workspace() {
        return workspace;
    }

    TaskListener listener() {
        return listener;
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
