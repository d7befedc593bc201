package io.jenkins.plugins.mlops.util;

import hudson.FilePath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ControllerWarningTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void shouldWarnThatADataStepReadsItsDataInsideTheController() {
        ControllerWarning.warnIfBuiltIn(workspace(false), log(), "validateData");

        assertThat(text()).isEqualTo("validateData: warning: this workspace is on the built-in node, so the data is "
                + "read inside the Jenkins controller's process; run data steps on an agent (and give the built-in "
                + "node 0 executors)" + System.lineSeparator());
    }

    @Test
    void shouldSayWhatHappensOnTheControllerForOtherWork() {
        ControllerWarning.warnIfBuiltIn(workspace(false), log(), "trainModel",
                "the training runs on the Jenkins controller's machine; run it on an agent");

        assertThat(text()).isEqualTo("trainModel: warning: this workspace is on the built-in node, so the training "
                + "runs on the Jenkins controller's machine; run it on an agent (and give the built-in node 0 "
                + "executors)" + System.lineSeparator());
    }

    @Test
    void shouldStayQuietOnAnAgent() {
        ControllerWarning.warnIfBuiltIn(workspace(true), log(), "validateData");
        ControllerWarning.warnIfBuiltIn(workspace(true), log(), "trainModel", "anything");

        assertThat(text()).isEmpty();
    }

    private static FilePath workspace(final boolean remote) {
        var workspace = mock(FilePath.class);
        when(workspace.isRemote()).thenReturn(remote);
        return workspace;
    }

    private PrintStream log() {
        return new PrintStream(log, true, StandardCharsets.UTF_8);
    }

    private String text() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
