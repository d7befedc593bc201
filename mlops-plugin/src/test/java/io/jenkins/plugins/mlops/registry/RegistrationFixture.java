package io.jenkins.plugins.mlops.registry;

import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.util.StepCall;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.Status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Mocks of what a build gives a registration: a run with a build directory and a real list of actions, a workspace
 * on an "agent" whose callable returns a given summary and whose report.json is {@link #REPORT_JSON_TEXT}, the
 * build's environment, Jenkins with the plugin's global configuration, and a build log.
 */
final class RegistrationFixture {
    static final String REPORT_JSON_TEXT = "{\"kind\": \"model-registration\", \"status\": \"PASSED\", "
            + "\"model\": {\"name\": \"churn\", \"tags\": {\"team\": \"fraud\", \"note\": \"<b>bold</b>\"}}}";

    private final Run<?, ?> run = mock(Run.class);
    private final FilePath workspace = mock(FilePath.class);
    private final TaskListener listener = mock(TaskListener.class);
    private final Map<String, String> env = new HashMap<>();
    private final JenkinsFacade jenkins = mock(JenkinsFacade.class);
    private final MlopsConfiguration configuration = new MlopsConfiguration(false);
    private final List<Action> actions = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    RegistrationFixture(final Path buildDir, final RegistrationSummary summary)
            throws IOException, InterruptedException {
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        doAnswer(invocation -> actions.add(invocation.getArgument(0))).when(run).addAction(any());
        when(run.getActions(any())).thenAnswer(invocation -> actions.stream()
                .filter(invocation.<Class<?>>getArgument(0)::isInstance).toList());
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(workspace.act(any(RegisterOnAgent.class))).thenReturn(summary);
        var reportJson = mock(FilePath.class);
        when(workspace.child(summary.reportDir() + "/report.json")).thenReturn(reportJson);
        when(reportJson.exists()).thenReturn(true);
        doAnswer(invocation -> {
            invocation.<OutputStream>getArgument(0).write(REPORT_JSON_TEXT.getBytes(StandardCharsets.UTF_8));
            return null;
        }).when(reportJson).copyTo(any(OutputStream.class));
        when(jenkins.getGlobalConfiguration(MlopsConfiguration.class)).thenReturn(configuration);
    }

    /** A registration of {@code models:/churn/3} with alias {@code champion} in an MLflow server. */
    static RegistrationSummary summary(final boolean created) {
        var links = new LinkedHashMap<String, String>();
        links.put("MLflow run", "https://mlflow.example.com/#/experiments/1/runs/r1");
        links.put("Model version", "https://mlflow.example.com/#/models/churn/versions/3");
        var lineage = new LineageEvent("registerModel", Instant.parse("2026-05-04T10:30:00Z"), "PASSED",
                Map.of(LineageEvent.MODEL_URI, "models:/churn/3", LineageEvent.MODEL_ALIAS, "champion"), links);
        return new RegistrationSummary(Status.PASSED, "PASSED: registered models:/churn/3 (@champion) in MLflow at "
                + "https://mlflow.example.com.", "churn", "3", "champion", "models:/churn/3", created,
                "MLflow at https://mlflow.example.com", "javascript:alert(1)",
                "https://mlflow.example.com/#/experiments/1/runs/r1",
                "https://mlflow.example.com/#/models/churn/versions/3", "mlops-reports/register-model",
                null, lineage);
    }

    ModelRegistration registration() {
        return new ModelRegistration(new StepCall(run, workspace, env, listener), jenkins);
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

    Map<String, String> env() {
        return env;
    }

    JenkinsFacade jenkins() {
        return jenkins;
    }

    MlopsConfiguration configuration() {
        return configuration;
    }

    List<Action> actions() {
        return actions;
    }

    LineageAction lineage() {
        return (LineageAction) actions.stream().filter(LineageAction.class::isInstance).findFirst().orElseThrow();
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
