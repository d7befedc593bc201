package io.jenkins.plugins.mlops.validation;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.util.StepCall;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.Status;
import io.mlops.validation.ValidationSummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * Mocks of what a build gives a validation: a run with a build directory, a workspace on an "agent" whose
 * callable returns a given summary, the build's environment, and a build log that can be read back.
 */
final class AgentFixture {
    static final String REPORT_JSON_TEXT = "{\"status\":\"PASSED\"}";

    private final Run<?, ?> run = mock(Run.class);
    private final FilePath workspace = mock(FilePath.class);
    private final TaskListener listener = mock(TaskListener.class);
    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    AgentFixture(final Path buildDir, final ValidationSummary summary) throws IOException, InterruptedException {
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(workspace.act(any(ValidateOnAgent.class))).thenReturn(summary);
        when(workspace.isRemote()).thenReturn(true);
        var reportJson = mock(FilePath.class);
        when(workspace.child(summary.reportDir() + "/report.json")).thenReturn(reportJson);
        when(reportJson.exists()).thenReturn(true);
        doAnswer(invocation -> {
            invocation.<OutputStream>getArgument(0).write(REPORT_JSON_TEXT.getBytes(StandardCharsets.UTF_8));
            return null;
        }).when(reportJson).copyTo(any(OutputStream.class));
    }

    static ValidationSummary summary(final Status status, final List<String> failedCheckNames) {
        return new ValidationSummary(status, "A sentence about " + status + ".", 1000, failedCheckNames.size(),
                failedCheckNames, List.of("income"), "mlops-reports/validate-data", new LineageEvent("validateData",
                Instant.parse("2026-05-04T10:15:30Z"), status.name(), Map.of(LineageEvent.DATASET_PATH,
                "data/train.csv", LineageEvent.DATASET_SHA256, "ab".repeat(32)), Map.of()));
    }

    DatasetValidation validation() {
        return new DatasetValidation(new StepCall(run, workspace, env, listener));
    }

    Map<String, String> env() {
        return env;
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
